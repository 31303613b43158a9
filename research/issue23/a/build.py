import csv
A='2026-12-02'
OUT='/work/research23/a/'
def w(name, header, rows):
    with open(OUT+name,'w',newline='',encoding='utf-8') as f:
        wr=csv.DictWriter(f,fieldnames=header,quoting=csv.QUOTE_MINIMAL)
        wr.writeheader()
        for r in rows: wr.writerow({k:r.get(k,'') for k in header})

L=['report_id','platform','operator','status','source_id','quote','quote_en','note']
P=['platform','operator','country','kind','source_id','note']
S=['source_id','title','publisher','published','url','copy_url','copy_kind','kind','accessed','note']
R=['report_id','source_id','online_markets','physical_markets','quote','quote_en','note']
G=['gap_id','chapter','subject','statement','searched','languages','source_kinds','searched_on','status','note','sources']

SILK='Silk Market (Beijing)'; YIWU='China Small Commodities Market (Yiwu)'; LUOHU='Luohu Commercial Center (Shenzhen)'
XY='Xiangyang Market (Shanghai)'; PCM='PC Malls (China)'; LADIES='Ladies Market (Hong Kong)'
BUY='Buynow PC Malls'; FUAN='Fuan Footwear and Accessory Market (Putian)'

CD2q='Four other physical market operations in China on the list are the computer mall chain Buynow PC Malls, the Fuan Footwear and Accessory Market in Putian, Silk Market in Beijing and the small commodities markets in Yiwu.'
CIPq='USTR recently released its annual list of over 30 so-called notorious Internet and physical markets for counterfeit and pirated goods, and such Chinese companies as Baidu, Taobao, Silk Street and Yiwu China Commodity Market, etc. were included.'
TSq='The report also underlined 13 physical markets for piracy (three were in China): … '
CBq='深圳羅湖市場、香港女人街、義烏小商品市場、手機娛樂門戶91.com以及網絡電視螞蟻(TV Ants)等全部被列上名單。'
CBen="Shenzhen's Luohu market, Hong Kong's Ladies' Street (Ladies Market), Yiwu's small commodities market, the mobile entertainment portal 91.com and the web-TV service 'Ants' (TV Ants) were all put on the list."
LGOq3='而北京的秀水市场和义乌的中国小商品市场则被美国贸易代表办公室列为侵权商品的主要线下来源。'
LGOen3="And Beijing's Silk Market and Yiwu's China Small Commodities Market were listed by USTR as the main offline sources of infringing goods."

listings=[
# special301-2006
dict(report_id='special301-2006',platform=XY,status='named',source_id='wikisource-2006-special301-p6',
 quote='Physical Markets … Xiangyang Market (Shanghai, China). In early 2006, the Shanghai Municipal Government said it would close this market on grounds of rampant sale of counterfeit fashion and apparel products.',
 note="Under 'Physical Markets'. The same entry says the closure date was pushed back to June 30, 2006."),
dict(report_id='special301-2006',platform=SILK,status='named',source_id='wikisource-2006-special301-p6',
 quote='Silk Street Market (Beijing, China). Industry has cited Beijing\'s Silk Street Market as "perhaps the single biggest symbol of China\'s IP enforcement problems."',
 note="Under 'Physical Markets'; source says 'Silk Street Market'. The copy read breaks off inside this entry, so any later physical-market entries (report page 7) were not seen (gap special301-2006-physical-rest)."),
# special301-2007
dict(report_id='special301-2007',platform=SILK,status='named',source_id='wikisource-2007-special301-p7',
 quote='Physical Markets … Silk Street Market (Beijing, China). Industry has cited Beijing\'s Silk Street Market as "perhaps the single biggest symbol of China\'s IP enforcement problems."',
 note="Under 'Physical Markets'; source says 'Silk Street Market'. The entry also mentions the 3.3 and Hongqiao markets in Beijing, but only as places where landlord memoranda worked; they are not entered as named markets."),
dict(report_id='special301-2007',platform=YIWU,status='named',source_id='wikisource-2007-special301-p7',
 quote='China Small Commodities Market (Yiwu, China). The China Small Commodities Market in Yiwu reportedly sells approximately 410,000 different items, mostly small consumer goods.',
 note="Under 'Physical Markets'. The copy read breaks off inside this entry; later entries (report page 8) not seen (gap special301-2007-physical-rest)."),
# special301-2008
dict(report_id='special301-2008',platform='Taobao',operator='Alibaba Group',status='named',source_id='cna-2015-12-17-notorious-markets',
 quote='線上部分,報告指出,美國2008年「特別301報告」首度點名淘寶網和阿里巴巴販賣盜版商品',
 quote_en="On the online side, the report says that the United States' 2008 'Special 301 Report' named Taobao and Alibaba for the first time for selling pirated goods.",
 note="Secondary only: CNA's Chinese rendering of what USTR's 2015 review says; the 2008 report's own page (wikisource-2008-special301-p7) breaks off after Baidu. Offered to resolve gap taobao-special301-2006-2008; the lead may prefer to keep it as a gap."),
dict(report_id='special301-2008',platform='Alibaba.com',operator='Alibaba Group',status='named',source_id='cna-2015-12-17-notorious-markets',
 quote='線上部分,報告指出,美國2008年「特別301報告」首度點名淘寶網和阿里巴巴販賣盜版商品',
 quote_en="On the online side, the report says that the United States' 2008 'Special 301 Report' named Taobao and Alibaba for the first time for selling pirated goods.",
 note="Source says 阿里巴巴 (Alibaba); mapped to Alibaba.com as in the 2009 and 2010 rows. Secondary only, as for the Taobao row."),
# special301-2010
dict(report_id='special301-2010',platform=YIWU,status='named',source_id='wikisource-2010-special301-p48',
 quote='Physical Markets … China Small Commodities Market (Yiwu, China). The China Small Commodities Market in Yiwu reportedly sells over 410,000 different items, mostly small consumer goods. Industry has cited the market as a center for wholesaling of infringing goods.',
 note="Under 'Physical Markets'"),
dict(report_id='special301-2010',platform=LUOHU,status='named',source_id='wikisource-2010-special301-p49',
 quote='Lowu Market (Shenzhen, China). The display of signs prohibiting the sale of counterfeit or pirated goods has not deterred their sale in Lowu market and other markets in Shenzhen and Guangzhou.',
 note="Source says 'Lowu Market'; mapped by us to Luohu Commercial Center (罗湖商业城). The entry also refers to unnamed 'other markets in Shenzhen and Guangzhou'."),
dict(report_id='special301-2010',platform=SILK,status='named',source_id='wikisource-2010-special301-p49',
 quote="Silk Market (Beijing, China). Industry has cited Beijing's Silk Street Market as an egregious example of the counterfeiting of consumer and industrial products that is endemic in many retail and wholesale markets throughout China.",
 note="Under 'Physical Markets'"),
# ocr-2010
dict(report_id='ocr-2010',platform='TV Ants',status='listed',source_id='chinabyte-2011-03-01-baidu-taobao',quote=CBq,quote_en=CBen,
 note="Chinese repost of a ChinaByte report. InfoJustice lists 'TV Ants' among the February 2011 online markets, without a country (also: infojustice-2011-ocr-comments)."),
dict(report_id='ocr-2010',platform='91.com',status='listed',source_id='voa-2011-baidu-notorious',
 quote="Other websites on the U.S. list include China's 91.com, Swedish-based ThePirateBay, IsoHunt in Canada and Russian-based Rutracker.",
 note="(also: chinabyte-2011-03-01-baidu-taobao, infojustice-2011-ocr-comments)"),
dict(report_id='ocr-2010',platform=YIWU,status='listed',source_id='chinadaily-2011-05-03-mofcom-baseless',quote=CIPq,
 note="Source says 'Yiwu China Commodity Market'; TechSpot and InfoJustice give USTR's entry as 'China Small Commodities Market (Yiwu, China)' (also: techspot-2011-03-baidu-pirates, infojustice-2011-ocr-comments, chinabyte-2011-03-01-baidu-taobao)."),
dict(report_id='ocr-2010',platform=SILK,status='listed',source_id='chinadaily-2011-05-03-mofcom-baseless',quote=CIPq,
 note="Source says 'Silk Street' (also: infojustice-2011-ocr-comments, secretchina-2011-03-02-baidu-taobao). TechSpot's list of 13 physical markets does not include it; see REPORT.md."),
dict(report_id='ocr-2010',platform=LUOHU,status='listed',source_id='techspot-2011-03-baidu-pirates',quote=TSq+'Luowu Market (Shenzhen, China)',
 note="Source says 'Luowu Market'; mapped by us to Luohu Commercial Center. ChinaByte says 深圳羅湖市場 (also: infojustice-2011-ocr-comments, chinabyte-2011-03-01-baidu-taobao)."),
dict(report_id='ocr-2010',platform=PCM,status='listed',source_id='techspot-2011-03-baidu-pirates',quote=TSq+'PC Malls (China)',
 note="One collective entry. USTR's examples, as Reuters quotes them: 'Hailong PC Mall in Beijing and Yangpu Yigao Digital Square in Shanghai' (reuters-2011-02-28-baidu); Shanghai Daily reports a Shanghai electronics mall manager's reaction to his mall's listing (shanghaidaily-2011-03-03-ego-mall). setteB lists the two examples as separate physical markets; they have their own rows (also: infojustice-2011-ocr-comments, setteb-2011-03-01-ustr-pirates)."),
dict(report_id='ocr-2010',platform=LADIES,status='listed',source_id='techspot-2011-03-baidu-pirates',quote=TSq+'Ladies Market (Mongkok, Hong Kong)',
 note="Hong Kong, not mainland China. ChinaByte says 香港女人街 (also: infojustice-2011-ocr-comments, chinabyte-2011-03-01-baidu-taobao)."),
dict(report_id='ocr-2010',platform='Hailong PC Mall (Beijing)',status='listed',source_id='setteb-2011-03-01-ustr-pirates',
 quote='Si elencano poi mercati fisici dove trovare prodotti contraffatti o rubati: … Hailong PC Mall di Pechino (Cina), Yangpu Yigao Digital Square di Shangai (Cina)',
 quote_en='Then physical markets where counterfeit or stolen products can be found are listed: … Hailong PC Mall in Beijing (China), Yangpu Yigao Digital Square in Shanghai (China)',
 note="Italian. setteB lists it as a physical market; TechSpot and InfoJustice show only one collective entry 'PC Malls (China)', in which USTR names it as an example (reuters-2011-02-28-baidu). See REPORT.md on counting."),
dict(report_id='ocr-2010',platform='Yangpu Yigao Digital Square (Shanghai)',status='listed',source_id='setteb-2011-03-01-ustr-pirates',
 quote='Si elencano poi mercati fisici dove trovare prodotti contraffatti o rubati: … Hailong PC Mall di Pechino (Cina), Yangpu Yigao Digital Square di Shangai (Cina)',
 quote_en='Then physical markets where counterfeit or stolen products can be found are listed: … Hailong PC Mall in Beijing (China), Yangpu Yigao Digital Square in Shanghai (China)',
 note="Italian; source spells 'Shangai'. As for Hailong: an example inside USTR's 'PC Malls (China)' entry per Reuters (also: reuters-2011-02-28-baidu, secretchina-2011-03-02-baidu-taobao)."),
# ocr-2011
dict(report_id='ocr-2011',platform='Sogou',operator='Sohu',status='listed',source_id='lgo100-2011-12-30-second-list',
 quote='与此前名单略有不同的是,百度已从黑名单中移出,淘宝依然在列,同时,搜索引擎搜狗也第一次上榜。',
 quote_en='Unlike the previous list, Baidu has been moved off the blacklist, Taobao remains on it, and the search engine Sogou is on it for the first time.',
 note="A direct source for the existing ocr-2011 Sogou row, whose status is inferred from the 2012 removal; proposed as its replacement source. The list the page prints gives '深度链接:搜狗MP3' (deep linking: Sogou MP3)."),
dict(report_id='ocr-2011',platform='Gougou',status='listed',source_id='lgo100-2011-12-30-second-list',
 quote='2011年12月全球恶名市场名单: … 深度链接:搜狗MP3、狗狗搜索',
 quote_en='December 2011 global notorious markets list: … Deep linking: Sogou MP3, Gougou search',
 note="Single source. BBC (bbc-2013-01-gougou-shuts) speaks of Gougou being 'added' to the list in December 2012; see REPORT.md."),
dict(report_id='ocr-2011',platform=SILK,status='listed',source_id='chinatoday-2011-12-30-silk-street',
 quote='The Silk Street Market, known in the past as a downtown Beijing hotspot for knock-off designer goods, is among the physical markets listed by the Office of the U.S. Trade Representative (USTR) for the rampant dealing of counterfeit goods this year.',
 note="(also: lgo100-2011-12-30-second-list)"),
dict(report_id='ocr-2011',platform=YIWU,status='listed',source_id='lgo100-2011-12-30-second-list',quote=LGOq3,quote_en=LGOen3,
 note="Single source for December 2011."),
dict(report_id='ocr-2011',platform=LADIES,status='removed',source_id='bloomberg-2011-12-baidu-removed',
 quote='The Ladies Market in Hong Kong, where customs officials acted to remove infringing goods, and the Savelovskiy Market in Moscow, where managers have stepped in to stop such sales, were also dropped from the list.',
 note="Hong Kong, not mainland China."),
# ocr-2012
dict(report_id='ocr-2012',platform=LUOHU,status='listed',source_id='chinadaily-2013-01-10-luohu-unfair',
 quote='For the third consecutive year, the Luohu Commercial Center in Shenzhen, Guangdong province, was named.',
 note="'Third consecutive year' is not used to fill the December 2011 status: the source does not say which three lists it counts (the April 2010 Special 301 Report also named 'Lowu Market')."),
dict(report_id='ocr-2012',platform=BUY,status='listed',source_id='chinadaily-2013-01-notorious-unfair',quote=CD2q,note="China Daily calls it 'the computer mall chain Buynow PC Malls'."),
dict(report_id='ocr-2012',platform=FUAN,status='listed',source_id='chinadaily-2013-01-notorious-unfair',quote=CD2q,note=''),
dict(report_id='ocr-2012',platform=SILK,status='listed',source_id='chinadaily-2013-01-notorious-unfair',quote=CD2q,note=''),
dict(report_id='ocr-2012',platform=YIWU,status='listed',source_id='chinadaily-2013-01-notorious-unfair',quote=CD2q,note="Source says 'the small commodities markets in Yiwu'."),
dict(report_id='ocr-2012',platform='Paipai',operator='Tencent',status='listed',source_id='chinadaily-2013-01-notorious-unfair',
 quote='Three Chinese websites - Xunlei, Gougou and Paipai - are listed as notorious markets for "facilitating downloading and distribution of pirated music and movies" or selling "pirated and counterfeit goods" online.',
 note="Single source. ZDNet (zdnet-2012-12-taobao-sogou-off) says 'two Web services in China' (Xunlei, Gougou) were listed; see REPORT.md. Operator from ciplawyer-2014-paipai-removed."),
]
w('listings.csv',L,listings)

platforms=[
dict(platform=SILK,country='China',kind='physical_market',source_id='wikisource-2006-special301-p6',note='USTR also calls it Silk Street Market; 秀水街 (Xiushui).'),
dict(platform=XY,country='China',kind='physical_market',source_id='wikisource-2006-special301-p6',note='USTR 2006 says its closure was set for June 30, 2006.'),
dict(platform=YIWU,country='China',kind='physical_market',source_id='wikisource-2007-special301-p7',note="USTR's name; press calls it Yiwu China Commodity Market / 义乌中国小商品市场 (China Commodity City)."),
dict(platform=LUOHU,country='China',kind='physical_market',source_id='chinadaily-2013-01-10-luohu-unfair',note="罗湖商业城 (Lo Wu Commercial City). USTR's 2010 report says 'Lowu Market' and TechSpot gives the February 2011 entry as 'Luowu Market (Shenzhen, China)'; treating these as the same market is our mapping."),
dict(platform=PCM,country='China',kind='physical_market',source_id='techspot-2011-03-baidu-pirates',note="USTR's collective entry of February 2011 for computer malls across China; examples named by USTR (per Reuters): Hailong PC Mall (Beijing), Yangpu Yigao Digital Square (Shanghai)."),
dict(platform=LADIES,country='Hong Kong',kind='physical_market',source_id='techspot-2011-03-baidu-pirates',note='Mongkok (Tung Choi Street); 女人街.'),
dict(platform='Hailong PC Mall (Beijing)',country='China',kind='physical_market',source_id='setteb-2011-03-01-ustr-pirates',note='海龙电子城 (secretchina). Named by USTR as an example of PC malls in February 2011.'),
dict(platform='Yangpu Yigao Digital Square (Shanghai)',country='China',kind='physical_market',source_id='setteb-2011-03-01-ustr-pirates',note='上海杨浦的颐高数码广场 (secretchina). Named by USTR as an example of PC malls in February 2011.'),
dict(platform=BUY,country='China',kind='physical_market',source_id='chinadaily-2013-01-notorious-unfair',note="China Daily: 'the computer mall chain Buynow PC Malls'."),
dict(platform=FUAN,country='China',kind='physical_market',source_id='chinadaily-2013-01-notorious-unfair',note=''),
dict(platform='91.com',country='China',kind='other',source_id='voa-2011-baidu-notorious',note="Listed under smartphone software (LOC's category list); ChinaByte calls it a mobile entertainment portal (手機娛樂門戶)."),
dict(platform='Paipai',operator='Tencent',country='China',kind='marketplace',source_id='ciplawyer-2014-paipai-removed',note='paipai.com, e-commerce website owned by Tencent (ciplawyer).'),
]
w('platforms.csv',P,platforms)

def src(**k):
    k.setdefault('accessed',A); return k
sources=[
src(source_id='wikisource-2010-special301-p48',title='Page:Special 301 Report 2010.pdf/48',publisher='Office of the United States Trade Representative',copy_url='https://en.wikisource.org/wiki/Page:Special_301_Report_2010.pdf/48',copy_kind='transcription',kind='primary',note="Transcribed page of USTR's 2010 report: start of 'Physical Markets' (Bahia to Harco Glodok)."),
src(source_id='wikisource-2010-special301-p49',title='Page:Special 301 Report 2010.pdf/49',publisher='Office of the United States Trade Representative',copy_url='https://en.wikisource.org/wiki/Page:Special_301_Report_2010.pdf/49',copy_kind='transcription',kind='primary',note="Transcribed page of USTR's 2010 report: 'Physical Markets' Lowu to Silk Market; the copy read breaks off inside the Silk Market entry."),
src(source_id='infojustice-2011-ocr-comments',title="[InfoJustice post on USTR's request for comments for the second Notorious Markets List]",publisher='InfoJustice',url='https://infojustice.org/archives/5661',kind='analysis',note="The page shows no date; it says comments are due October 26 and that 'Last February, USTR published its first Notorious Markets List', which it reproduces as a bare list of names (online markets; 'Phsyical Markets' [sic]), Tepito twice."),
src(source_id='chinabyte-2011-03-01-baidu-taobao',title="[ChinaByte report on USTR's February 2011 notorious markets list]",publisher='ChinaByte (比特网)',copy_url='http://nuoerhy.cn/news/biz/16443.html',copy_kind='repost',kind='news',note="Chinese (traditional characters, with stray pinyin glyphs in the repost). Opens '比特网(ChinaByte)3月1日消息'; the year is not shown, the content is the February 2011 list."),
src(source_id='voa-2011-baidu-notorious',title="US Puts China Search Engine on 'Notorious Markets' List",publisher='Voice of America',copy_url='https://voa.pangea-cms.com/preview/en-US/a/us-puts-china-search-engine-on-notorious-markets-list-117283463/167138.html',copy_kind='mirror',kind='news',note='A preview copy on VOA’s own content system; the page shows no date; it reports the February 2011 list.'),
src(source_id='chinadaily-2011-05-03-mofcom-baseless',title='MOFCOM: the U.S. list of notorious markets is baseless',publisher='China Daily (China IP)',published='2011-05-03',url='http://www.chinadaily.com.cn/m/cip/2011-05/03/content_12436740.htm',kind='news',note="Date from 'Updated: 2011-05-03'. Relays MOFCOM's Li Chenggang at a press conference of the NPC session on the February 2011 list."),
src(source_id='secretchina-2011-03-02-baidu-taobao',title='美国将百度和淘宝网列入假冒产品黑名单(图)',publisher='看中国 (secretchina.com)',published='2011-03-02',url='https://m.secretchina.com/news/gb/2011/03/02/amp393455.html',kind='news',note='Chinese; an overseas opposition outlet relaying wire reports (it mentions AFP). Date from URL path. Names 北京“秀水街”, 海龙电子城 and 上海杨浦的颐高数码广场.'),
src(source_id='shanghaidaily-2011-03-03-ego-mall',title="Mall boss stunned at 'notorious' branding",publisher='Shanghai Daily',published='2011-03-03',url='https://archive.shine.cn/metro/society/Mall-boss-stunned-at-notorious-branding/shdaily.shtml',kind='news',note="Page A2, March 3, 2011. Says the EGO Mall on Handan Road, Shanghai, is on the list; that it is USTR's 'Yangpu Yigao Digital Square' is our reading, not the source's."),
src(source_id='setteb-2011-03-01-ustr-pirates',title="I noti pirati del 2011 secondo l'USTR",publisher='setteB.IT (Fabio M. Zambelli)',published='2011-03-01',url='http://www.setteb.it/?p=10698',kind='news',note="Italian. Dated 01/03/2011 13:00 CET. Lists the February 2011 online markets (15 names plus Allofmp3 clones) and 21 physical markets, counting Hailong PC Mall and Yangpu Yigao Digital Square separately and the Thai red zones as four."),
src(source_id='lgo100-2011-12-30-second-list',title="[IT商业新闻网 report on USTR's second notorious markets list]",publisher='IT商业新闻网 (lgo100.com)',published='2011-12-30',url='http://www.lgo100.com/a/guandian/yejie/20111230/171266.html',kind='news',note='Chinese; reporter 唐茵. Date from URL path. Prints the December 2011 list by category but the copy read breaks off in the B2B/B2C category.'),
src(source_id='chinatoday-2011-12-30-silk-street',title='Beijing Continues Counterfeit Crackdown in "Notorious" Market',publisher='China Today',published='2011-12-30',url='http://www.chinatoday.com.cn/ctenglish/se/txt/2011-12/30/content_417632.htm',kind='news',note="Date from URL path; reports a December 23 statement of Beijing's industry and commerce authority."),
src(source_id='cncmrn-2012-01-18-mofcom-taobao',title="[Report of MOFCOM's press conference of 18 January 2012 on the notorious markets list]",publisher='cncmrn.com',published='2012-01-18',url='http://cncmrn.com/channels/homea/20120118/981615.html',kind='news',note='Chinese. MOFCOM spokesman Shen Danyang: USTR has again put Taobao on the list. Date from URL path and the text (1月18日).'),
src(source_id='chinadaily-2013-01-10-luohu-unfair',title="US 'notorious' branding slammed as 'unfair'",publisher='China Daily',published='2013-01-10',copy_url='http://en.people.cn/90778/8086952.html',copy_kind='reprint',kind='news',note='By Zhang Zhao. Page 1 of the story (page 2 is chinadaily-2013-01-notorious-unfair) as People\'s Daily Online reprinted it, "08:36, January 10, 2013".'),
src(source_id='zdnet-2012-12-taobao-sogou-off',title='Taobao, Sogou off US piracy blacklist',publisher='ZDNet (Liau Yun Qing)',url='https://www.zdnet.com/article/taobao-sogou-off-us-piracy-blacklist/',kind='news',note="The page shows no date; it reports Ambassador Kirk's statement of 'Thursday' on the 2012 list."),
src(source_id='bbc-2013-01-gougou-shuts',title="China's Gougou.com 'pirate search engine' shuts down",publisher='BBC News',url='https://feeds.bbci.co.uk/news/technology-20888465',kind='news',note="The page shows no date; it says the search engine was added to USTR's report 'a few weeks ago' and was run by Xunlei."),
src(source_id='ciplawyer-2014-paipai-removed',title="[Report that paipai.com was removed from USTR's notorious markets list]",publisher='ciplawyer.com',url='https://ciplawyer.com/articles/134926.html',kind='news',note="The page shows no date; it reports the 2013 review (released February 2014). Used here only for Paipai's operator: 'paipai.com, an e-commerce website owned by Chinese Internet giant Tencent Inc'."),
]
w('sources.csv',S,sources)
w('review_sizes.csv',R,[])

Q=lambda *qs: '; '.join('"%s"'%q for q in qs)
gaps=[
dict(gap_id='special301-2006-physical-rest',chapter='listing',subject="Rest of the 2006 Special 301 Report's physical-markets list",
 statement="The 2006 report's notorious-markets text was read only up to the start of the Silk Street Market entry (Wikisource page 6); which further Chinese or Hong Kong physical markets, if any, it names on the next page is not known.",
 searched=Q('Special 301 Report 2006 notorious markets physical markets Silk Market Beijing','Page:Special 301 Report 2006.pdf notorious markets Physical Markets China','Special 301 Report 2006 Physical Markets Luohu Commercial Center Shenzhen Silk Market Beijing Xiangyang market Shanghai','Page:Special 301 Report 2006.pdf/7','Xiangyang Market Shanghai Silk Street Beijing Special 301 physical markets infringement actions landlord','USTR 2006 first list of notorious markets Silk Street Beijing named Special 301 April 2006','wikisource Special 301 Report 2006 page 7 Physical Markets continued Ciudad del Este Tepito Gorbushka Lowu Shenzhen market','Beijing court ruled Silk Street landlord liable December 2005 right holders encouraged; Special 301 2006 physical markets continued; Luowu Commercial Center Shenzhen; Gorbushka Moscow'),
 languages='en',source_kinds='USTR documents (Wikisource transcriptions, file hosts); news; blogs',searched_on=A,status='open',
 note='The docs corpus returned nothing relevant ("Page:Special 301 Report 2006.pdf notorious markets Physical Markets China"). Found on page 6: Xiangyang Market (Shanghai) and Silk Street Market (Beijing).',sources='wikisource-2006-special301-p6'),
dict(gap_id='special301-2007-physical-rest',chapter='listing',subject="Rest of the 2007 Special 301 Report's physical-markets list",
 statement="The 2007 report's physical-markets text was read only up to the start of the China Small Commodities Market (Yiwu) entry (Wikisource page 7); further Chinese or Hong Kong markets on page 8 are not known.",
 searched=Q('wikisource Special 301 Report 2007 notorious markets physical markets China Silk Street','Page:Special 301 Report 2007.pdf/7 Notorious Markets Virtual Markets Baidu has been the target of infringement actions','Page:Special 301 Report 2007.pdf/8 Physical Markets counterfeit China','Yiwu market wholesale counterfeit consumer goods shipped worldwide Industry has cited the market; Luowu Commercial Center Shenzhen counterfeit; Special 301 2007 physical markets'),
 languages='en',source_kinds='USTR documents (Wikisource transcriptions, file hosts); news; blogs',searched_on=A,status='open',
 note='A Scribd copy of the full 2007 report exists (https://scribd.com/document/508178524/2007-Special-301-Report) but only its opening is stored.',sources='wikisource-2007-special301-p7'),
dict(gap_id='special301-2008-physical',chapter='listing',subject="Physical markets in the 2008 Special 301 Report",
 statement="No text of the 2008 report's notorious-markets list after the Baidu entry was read, so which Chinese or Hong Kong physical markets it names (and, from the report itself, whether it names Taobao or Alibaba) is not known.",
 searched=Q('Page:Special 301 Report 2008.pdf/8 Taobao Alibaba websites China infringing products Physical Markets','Special 301 2008 notorious markets Physical Markets Silk Market (China) Lowu (China) Yiwu counterfeit Industry reports','Page:Special 301 Report 2008.pdf/8 From Wikisource','特别301报告 点名 秀水街 罗湖商业城 盗版 假冒 市场 美国贸易代表 2008年','Physical Markets Ciudad del Este (Paraguay). Industry reports tri-border counterfeit; Silk Street Market (China); Lowu (China)'),
 languages='en; zh',source_kinds='USTR documents (Wikisource transcriptions, file hosts); news; blogs',searched_on=A,status='open',
 note="Wikisource page 26 of the 2008 report lists Beijing 'hot spots' (Silk Market, Tianyi Market, Yaxiu Market) but in the China country section, not the notorious-markets list; not entered. Full copies exist at https://scribd.com/document/508178516/2008-Special-301-Report and https://zlibrary.cc/dl/2008-special-301-report, only their openings stored.",sources='wikisource-2008-special301-p7'),
dict(gap_id='special301-2009-physical',chapter='listing',subject="Physical markets in the 2009 Special 301 Report",
 statement="The 2009 report's physical-markets list (Wikisource page 40, after the Internet markets on page 39) was not found, so which Chinese or Hong Kong physical markets it names is not known.",
 searched=Q('Page:Special 301 Report 2009.pdf/40 Physical Markets China','Special 301 Report/2009/Section 3 Notorious Markets wikisource','2009 Special 301 Report — Section III. Notorious Markets Office of the United States Trade Representative Internet Markets','Special 301 Report 2009 Silk Market Beijing China Industry has cited egregious example Lowu Market Shenzhen Nehru Place','Page:Special 301 Report 2009.pdf/40','Special 301 Report 2009.pdf Physical Markets Bahia China Small Commodities Market Yiwu Greenhills Quiapo Gorbushka Harco Glodok','Silk Street market responds US Special 301 report named notorious market April 2009 Beijing Xiushui management'),
 languages='en',source_kinds='USTR documents (Wikisource transcriptions, file hosts); news',searched_on=A,status='open',note='',sources='wikisource-2009-special301-p39'),
dict(gap_id='special301-2010-physical-rest',chapter='listing',subject="End of the 2010 Special 301 Report's physical-markets list",
 statement="The 2010 list was read on Wikisource pages 47-49; page 49 breaks off inside the Silk Market entry. Whether any Chinese or Hong Kong market follows (and whether Hong Kong is named at all) is not known.",
 searched=Q('Page:Special 301 Report 2010.pdf/48 physical markets','Harco Glodok Jakarta Indonesia; La Salada Buenos Aires Argentina largest black market; Bahia market Guayaquil; Special 301 notorious markets 2010 physical markets list','Ladies Market (Hong Kong) notorious market counterfeit Special 301 industry reports Mong Kok','"Silk Market" (China) Beijing Despite court decisions landlord liability counterfeit notorious market Special 301 2010'),
 languages='en',source_kinds='USTR documents (Wikisource transcriptions)',searched_on=A,status='narrowed',
 note='Found: China Small Commodities Market (Yiwu) on page 48; Lowu Market (Shenzhen) and Silk Market (Beijing) on page 49.',sources='wikisource-2010-special301-p48; wikisource-2010-special301-p49'),
dict(gap_id='ocr-2011-chinese-physical',chapter='listing',subject="Chinese physical markets on the December 2011 list",
 statement="China Daily counts four Chinese physical markets among the 15 on the December 2011 list, but only two are identified by the sources read (Silk Market, Beijing; China Small Commodities Market, Yiwu). Whether Luohu Commercial Center, PC malls (or Buynow) or others were the other two is not known.",
 searched=Q('December 2011 notorious markets list China physical markets Silk Market Luohu Yiwu PC Malls Buynow Taobao','Entrepreneurs: US \'notorious markets list\' unfair China Daily four of the 15 listed physical markets','four of the 15 listed physical markets known for pirated goods and services are located in China','notorious markets list December 2011 physical markets China Buynow PC Mall Luohu Commercial Center Silk Market Yiwu Hong Kong','China Daily December 2011 entrepreneurs notorious markets list unfair Silk Street Luohu managers reaction','Lo Wu Commercial City Shenzhen notorious markets list US trade representative 2011 counterfeit','罗湖商业城 被美国贸易代表办公室 列入 恶名市场 深圳 回应','秀水街 被美国列入 恶名市场 北京工商局 回应 打击假冒','2011年12月 美国 "恶名市场" 名单 百度被移出 淘宝网仍在 秀水街 罗湖商业城','2011年12月全球恶名市场名单 盗版下载 深度链接 搜狗MP3 狗狗搜索 B2B和B2C 淘宝 实体市场','美國貿易代表署 惡名市場 2011年12月 淘寶 搜狗 秀水街 羅湖 中央社','百脑汇 电脑城 被列入 恶名市场 名单 美国 盗版软件 预装','second notorious markets list December 20 2011 physical markets named China Silk Market Yiwu Ladies Market removed Savelovskiy removed Hong Kong customs','USTR December 2011 notorious markets list Megaupload Demonoid Taobao Sogou added physical markets in China Yiwu Silk Market PC malls Luohu'),
 languages='en; zh',source_kinds='news; trade press; blogs; USTR press releases',searched_on=A,status='narrowed',
 note="lgo100.com prints the December 2011 list by category but the stored copy breaks off in the B2B/B2C category. China Daily (2013-01-10) says Luohu was named 'for the third consecutive year' in December 2012, but does not say which years; not used. Export Compliance Daily (2011-12-21) gives a 'partial list' behind a paywall (http://stage.exportcompliancedaily.com/article/2011/12/21/ustr-issues-special-301-internet-amp-physical-markets-8220notorious-list8221-11122114?BC=bc_67121e72ec2cf).",sources='lgo100-2011-12-30-second-list; chinatoday-2011-12-30-silk-street; chinadaily-2011-12-24-entrepreneurs-unfair'),
dict(gap_id='ocr-2012-hongkong',chapter='listing',subject="Hong Kong on the December 2012 list",
 statement="No source read says whether any Hong Kong market was on the December 2012 list (Hong Kong's Ladies Market was dropped in December 2011).",
 searched=Q('Paipai Tencent notorious markets list December 2012 USTR added counterfeit','拍拍网 迅雷 狗狗 被列入 恶名市场 2012年12月 美国贸易代表','Gougou Sogou linking sites December 2011 notorious markets list China-based search engines links to infringing music files'),
 languages='en; zh',source_kinds='news; trade press',searched_on=A,status='open',
 note="China Daily's count for 2012 ('eight of them in China') does not mention Hong Kong.",sources='chinadaily-2013-01-notorious-unfair'),
]
w('gaps.csv',G,gaps)

import sys
for fn in ['listings.csv','platforms.csv','sources.csv','review_sizes.csv','gaps.csv']:
    rows=list(csv.DictReader(open(OUT+fn,encoding='utf-8')))
    print(fn,len(rows))
    for r in rows:
        if 'quote' in r and len(r['quote'])>400: print('LONG',r['platform'],len(r['quote']))
