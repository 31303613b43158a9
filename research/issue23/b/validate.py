import csv,re,json
D='/work/main/data/'; B='/work/research23/b/'
def rows(p): return list(csv.DictReader(open(p)))
for f in ['listings.csv','platforms.csv','sources.csv','review_sizes.csv','gaps.csv']:
    h1=next(csv.reader(open(D+f))); h2=next(csv.reader(open(B+f)))
    assert h1==h2,(f,h1,h2); print(f,len(rows(B+f)),'rows ok header')
src={r['source_id'] for r in rows(D+'sources.csv')}; nsrc={r['source_id'] for r in rows(B+'sources.csv')}
assert not (src & nsrc), src&nsrc
allsrc=src|nsrc
plat={r['platform'] for r in rows(D+'platforms.csv')}; npl={r['platform'] for r in rows(B+'platforms.csv')}
assert not (plat&npl), plat&npl
allpl=plat|npl
rep={r['report_id'] for r in rows(D+'reviews.csv')}
exist={(r['report_id'],r['platform']) for r in rows(D+'listings.csv')}
for r in rows(B+'listings.csv'):
    assert r['source_id'] in allsrc, r['source_id']; assert r['platform'] in allpl, r['platform']
    assert r['report_id'] in rep; assert (r['report_id'],r['platform']) not in exist, r
    assert r['status'] in ['listed','named','removed','warned','not_listed']
    assert len(r['quote'])<=400, (len(r['quote']),r['platform']); assert len(r['quote_en'])<=600
    for s in re.findall(r'\(also: ([^)]*)\)', r['note']):
        for x in s.split(', '): assert x in allsrc, x
for r in rows(B+'platforms.csv'): assert r['source_id'] in allsrc
for r in rows(B+'review_sizes.csv'):
    assert r['source_id'] in allsrc and r['report_id'] in rep; assert len(r['quote'])<=400
    for n in [r['online_markets'],r['physical_markets']]:
        if n: assert n in r['quote'], (n, r['quote'])
for r in rows(B+'sources.csv'):
    assert re.match(r'^[a-z0-9][a-z0-9-]*$',r['source_id'])
    if r['published']: assert re.match(r'^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$',r['published'])
    for k in ['url','copy_url']:
        if r[k]: assert re.match(r'^(https?://[^\s<>\"\']+)$',r[k]),r[k]
    assert r['kind'] in ['primary','news','analysis','company','industry','seed']
    if r['copy_kind']: assert r['copy_kind'] in ['mirror','reprint','repost','transcription','ocr','machine_translation','file_host','redirect']
for r in rows(B+'gaps.csv'):
    assert re.match(r'^(en|zh|fr|it|de|ja)(; ?(en|zh|fr|it|de|ja))*$',r['languages'])
    for x in r['sources'].split('; '): assert x in allsrc, x
    assert r['status'] in ['open','narrowed']
# used sources all used?
used={r['source_id'] for r in rows(B+'listings.csv')}|{r['source_id'] for r in rows(B+'platforms.csv')}|{r['source_id'] for r in rows(B+'review_sizes.csv')}
print('unused new sources:', nsrc-used)
print('all checks passed')
