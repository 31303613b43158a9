import csv
ACC='2026-12-02'
S=[]  # sources
def src(**k):
    base=dict(source_id='',title='',publisher='',published='',url='',copy_url='',copy_kind='',kind='news',accessed=ACC,note='')
    base.update(k); S.append(base)

src(source_id='ntdtv-2021-01-15-ocr2020', title='美公告中国假货电商 淘宝拼多多列黑名单 (US announces Chinese counterfeit e-commerce; Taobao, Pinduoduo blacklisted)', publisher='NTD Television (新唐人)', published='2021-01-15', url='https://cn.ntdtv.com/gb/2021/01/15/a103032892.html', note="Chinese. Dateline 北京时间2021年01月16日; reports USTR's report of 'Thursday' (周四). Also stored at https://www2.ntdtv.com/gb/2021/01/15/a103032892.html. Calls Weidian '微信旗下' (WeChat's), which no other source read says.")
src(source_id='todaychina-2021-01-ocr2020', title='U.S. Announces 2020 Notorious Markets List Many Chinese Companies and Malls on the List', publisher='todaychina.cc', url='https://todaychina.cc/12285.html', note="English (reads like a translation of a Chinese report). The page shows no date; it dates the release 'Thursday (Jan. 14)' without a year.")
src(source_id='opportimes-2022-02-china-top9', title="China's Top 9 Piracy Markets: USTR", publisher='Opportimes', url='https://www.opportimes.com/chinas-top-9-piracy-markets-ustr/', note="The page shows no date; it reports on the 2021 Review (text names 'the 2021 Review' and CBP 2020 seizures). Only the opening (Anfu Market) of its market-by-market text was visible.")
src(source_id='sellerclass-2022-02-ocr2021', title='[Sellerclass report on the 2021 Notorious Markets List]', publisher='Sellerclass (sellerclass.com)', url='https://sellerclass.com/p/11518.html', note="The page shows no headline or date; it reports the list announced 'on February 17'. English text appears machine-translated from Chinese ('Dunhuang.com' = DHgate, 'Baidu Netdisk' = Baidu Wangpan).")
src(source_id='celebcluster-2022-02-ocr2021', title="Tencent and Alibaba's E-Commerce Platforms Included to the US Notorious Marketplaces", publisher='Celeb Cluster (celebcluster.com)', url='https://celebcluster.com/tencent-and-alibabas-e-commerce-platforms-included-to-the-us-notorious-marketplaces/', note="Low reliability: garbled text that reads like a speech-to-text transcript ('usdr', 'anfo market', 'Baidu, Wang Pan'). The page shows no date; it reports the 2021 list.")
src(source_id='udn-2023-ocr2022', title='美國發布2022「惡名昭彰市場」名單 淘寶、蝦皮、拼多多都被點名 (US publishes 2022 notorious markets list; Taobao, Shopee, Pinduoduo named)', publisher='United Daily News (聯合新聞網)', url='https://udn.com/news/story/6811/6940087?from=udn-catehotnews_ch2', note="Chinese. The visible text shows no date; it reports the list USTR 'published on the 31st' (31日). Says the report names 7 physical markets in mainland China but the visible text does not name them.")
src(source_id='epochtimes-copy-2024-01-30-ocr2023', title='[Chinese report on the 2023 Notorious Markets List, spam-altered copy]', publisher='Unknown (the copy replaces the masthead with gambling spam)', published='2024-01-30', copy_url='http://tvsmo.com/gb/24/1/30/n14169872.htm', copy_kind='repost', note="Chinese. Dateline '2024年01月30日讯', byline 记者张婷. The copy's host name and masthead text are spam; its path (gb/24/1/30/n14169872.htm) and dateline style match The Epoch Times Chinese edition, but the original was not reached, so url is left empty.")
src(source_id='hket-2020-04-ocr2019', title='美國公布特別301報告:中國連續16年列優先觀察名單 淘寶網續登「惡名市場」榜', publisher='Hong Kong Economic Times (香港經濟日報, china.hket.com)', published='2020-04', url='https://china.hket.com/article/2632036/%E7%BE%8E%E5%9C%8B%E5%85%AC%E5%B8%83%E7%89%B9%E5%88%A5301%E5%A0%B1%E5%91%8A%EF%BC%9A%E4%B8%AD%E5%9C%8B%E9%80%A3%E7%BA%8C16%E5%B9%B4%E5%88%97%E5%84%AA%E5%85%88%E8%A7%80%E5%AF%9F%E5%90%8D%E5%96%AE%20%C2%A0%E6%B7%98%E5%AF%B6%E7%B6%B2%E7%BA%8C%E7%99%BB%E3%80%8C%E6%83%A1%E5%90%8D%E5%B8%82%E5%A0%B4%E3%80%8D%E6%A6%9C', note='Chinese. Title taken from the address. Visible text breaks off at "該報告指出中國市場" before naming Chinese markets.')
src(source_id='bg3-2020-ocr2019', title='美国发表特别报告 陆连续16年列「优先观察」名单', publisher='bg3.co (aggregator; original publisher not shown)', copy_url='https://cn.bg3.co/a/mei-guo-fa-biao-te-bie-bao-gao-lu-lian-xu-16nian-lie-you-xian-guan-cha-ming-dan.html', copy_kind='repost', note="Chinese (simplified, Taiwan/HK wording '陆'); photo credit 中新社. No date shown; reports the 2020 Special 301 Report and the 2019 review together. Says 3 mainland online platforms and '7个广东省实体市集' (7 Guangdong physical markets) were listed.")
src(source_id='patentdocs-2020-05-ocr2019', title='2019 Review of Notorious Markets for Counterfeiting and Piracy', publisher='Patent Docs (Kevin E. Noonan)', published='2020-05', url='https://www.patentdocs.org/2020/05/2019-review-of-notorious-markets-for-counterfeiting-and-piracy.html', kind='analysis', note='Month from the address. Lists the online markets by name and the physical markets by country only (China among them).')
src(source_id='cnyes-2022-02-18-ocr2021', title='美公布2021惡名市場名單 台灣未入列 (US publishes 2021 notorious markets list; Taiwan not listed)', publisher='Anue 鉅亨網 (羅昀玫)', published='2022-02-18', url='https://news.cnyes.com/news/id/4816103', note='Chinese.')
src(source_id='udn-2025-01-ocr2024', title='[UDN report on the 2024 Notorious Markets List]', publisher='United Daily News (聯合新聞網)', published='2025-01', url='https://udn.com/news/story/7333/8478954', note="Chinese. Headline not visible; month as the search tool gives it; reports the list USTR 'published on the 8th'.")
src(source_id='iprdaily-2023-02-01-ocr2022', title='US Says China Is Still Failing to Crack Down on Copyright Infringement and IP Piracy', publisher='IPR Daily', published='2023-02-01', url='http://www.iprdaily.com/article/index/17510.html', note="Reports the 2022 review: six Chinese online platforms, 'three new physical markets in China' added. The visible text does not name the original publisher.")
src(source_id='sixdo-2023-02-reuters-ocr2022', title='美国报告:中国在盗版产品居世界之首 I 路透社', publisher='6do.world (bilingual summary of Reuters)', url='https://6do.world/t/i/10930', note='A point summary of a Reuters report on the 2022 review; no date shown. Counts 7 physical markets in China.')

src(source_id='epochtimes-2025-01-ocr2024', title="China Once Again Tops US 'Notorious Markets' List for Counterfeiting, Piracy", publisher='The Epoch Times', url='https://theepochtimes.com/china/china-once-again-tops-us-notorious-markets-list-for-counterfeiting-piracy-5790750', note="No date visible; reports the report 'published on Jan. 8' (2025). Counts seven physical markets in China; names none in the visible text.")

src(source_id='thehindu-2024-01-30-ocr2023', title='Three Indian markets in three cities, three online markets figure in Notorious Markets List of US', publisher='The Hindu', published='2024-01-30', url='https://www.thehindu.com/news/international/three-indian-markets-in-three-cities-three-online-markets-figure-in-notorious-markets-list-of-us/article67792428.ece', note="Published 30 January 2024 04:46 pm IST. Repeats USTR's statement: China-based Taobao, WeChat, DHGate, Pinduoduo and Baidu Wangpan, plus seven physical markets in China; names no Chinese physical market and does not mention AliExpress.")

L=[]
def row(report_id,platform,status,source_id,quote,quote_en='',note='',operator=''):
    L.append(dict(report_id=report_id,platform=platform,operator=operator,status=status,source_id=source_id,quote=quote,quote_en=quote_en,note=note))

q20='實體市場黑名單部分,則列入福建莆田安福批發市場、上海亞太新陽服飾禮品市場、深圳華強北電子產品商業帶、廣州越秀站西路一帶批發市場、北京日壇商務樓、北京秀水街、遼寧五愛市場、浙江義烏國際商貿城客運中心。'
q20en="For the physical-market blacklist, it lists Putian's Anfu wholesale market (Fujian), Shanghai's Asia Pacific Xinyang clothing and gift market, Shenzhen's Huaqiangbei electronics commercial belt, the wholesale markets around Zhanxi Road in Yuexiu (Guangzhou), Beijing's Ritan Office Building, Beijing's Silk Street, Liaoning's Wu'ai Market, and the passenger-transport centre of Zhejiang's Yiwu International Trade City."
nt='Epoch Times (Taiwan) news on the 2020 review; secondary. The same page counts 24 physical markets (34 per others).'
row('ocr-2020','Anfu Market (Putian)','listed','epochtimes-tw-2021-01-ocr2020',q20,q20en,nt+' (also: ntdtv-2021-01-15-ocr2020)')
row('ocr-2020','Asia Pacific Xinyang Fashion and Gift Plaza (Shanghai)','listed','epochtimes-tw-2021-01-ocr2020',q20,q20en,nt)
row('ocr-2020','Huaqiangbei Electronics Malls (Shenzhen)','listed','epochtimes-tw-2021-01-ocr2020',q20,q20en,nt+' (also: ntdtv-2021-01-15-ocr2020, todaychina-2021-01-ocr2020)')
row('ocr-2020','Zhanxi Road wholesale area (Guangzhou)','listed','epochtimes-tw-2021-01-ocr2020',q20,q20en,nt+' Name as the page gives it: 廣州越秀站西路一帶批發市場 (wholesale markets around Zhanxi Road, Yuexiu district).')
row('ocr-2020','Ritan Office Building (Beijing)','listed','epochtimes-tw-2021-01-ocr2020',q20,q20en,nt+' (also: ntdtv-2021-01-15-ocr2020)')
row('ocr-2020','Silk Market (Beijing)','listed','epochtimes-tw-2021-01-ocr2020',q20,q20en,nt+' (also: ntdtv-2021-01-15-ocr2020)')
row('ocr-2020',"Wu'ai Market (Shenyang)",'listed','epochtimes-tw-2021-01-ocr2020',q20,q20en,nt+' (also: ntdtv-2021-01-15-ocr2020)')
row('ocr-2020','Yiwu International Trade City (Yiwu)','listed','epochtimes-tw-2021-01-ocr2020',q20,q20en,nt+" The page says 義烏國際商貿城客運中心 ('passenger-transport centre'), an odd rendering; NTD says 浙江义乌商贸城 and todaychina 'Yiwu International Trade City'. (also: ntdtv-2021-01-15-ocr2020, todaychina-2021-01-ocr2020)")

qop='USTR encouraged China to adopt and expand the scope of robust enforcement actions across China to more effectively combat the widespread sale of counterfeit products within its borders, with a special focus on the following key markets. … Anfu Market, Putian, Fujian Province'
row('ocr-2021','Anfu Market (Putian)','listed','opportimes-2022-02-china-top9',qop,'', "News on the 2021 review ('nine counterfeit and piracy markets in China'); secondary. (also: sellerclass-2022-02-ocr2021, celebcluster-2022-02-ocr2021)")
qsc='In addition to WeChat and AliExpress, Taobao, Pinduoduo, Baidu Netdisk, Dunhuang.com, and nine physical markets in China (including Anfu Market in Putian, Fujian Province, Asia-Pacific Xinyang Clothing and Gift Market in Shanghai, and Huaqiang North Electronic Mall in Shenzhen) are also on the list of "notorious markets."'
row('ocr-2021','Asia Pacific Xinyang Fashion and Gift Plaza (Shanghai)','listed','sellerclass-2022-02-ocr2021',qsc,'','Machine-translated-looking news on the 2021 review; secondary; single source.')
row('ocr-2021','Huaqiangbei Electronics Malls (Shenzhen)','listed','sellerclass-2022-02-ocr2021',qsc,'',"Secondary; single source ('Huaqiang North Electronic Mall').")
qcc='the usdr review includes nine physical markets located within china … Also, Beijing silk market, Balika bazaar in the tank road in India’s capital New Delhi'
row('ocr-2021','Silk Market (Beijing)','listed','celebcluster-2022-02-ocr2021',qcc,'','Low-reliability, garbled source; single source. Treat as unconfirmed.')

q23='被点名的33个实体市场来自中国、越南、印度、菲律宾在内的18个国家。光是中国就有华强北电子市场、罗湖商业城、北京秀水街、五爱市场等7个市场遭到点名。'
q23en="The 33 physical markets named come from 18 countries including China, Vietnam, India and the Philippines. In China alone 7 markets were named, including the Huaqiangbei electronics market, Luohu Commercial City, Beijing's Silk Street and the Wu'ai Market."
nt23='Chinese news on the 2023 review read on a spam-altered copy; secondary. The other 3 of the 7 Chinese physical markets are not named.'
row('ocr-2023','Huaqiangbei Electronics Malls (Shenzhen)','listed','epochtimes-copy-2024-01-30-ocr2023',q23,q23en,nt23)
row('ocr-2023','Luohu Commercial Center (Shenzhen)','listed','epochtimes-copy-2024-01-30-ocr2023',q23,q23en,nt23+' 罗湖商业城 = Luohu Commercial City/Center.')
row('ocr-2023','Silk Market (Beijing)','listed','epochtimes-copy-2024-01-30-ocr2023',q23,q23en,nt23)
row('ocr-2023',"Wu'ai Market (Shenyang)",'listed','epochtimes-copy-2024-01-30-ocr2023',q23,q23en,nt23+' The page does not say Shenyang; 五爱市场 is the Shenyang market named in other years (epochtimes-tw: 遼寧五愛市場).')

P=[]
def plat(p,src,note=''):
    P.append(dict(platform=p,operator='',country='China',kind='physical_market',source_id=src,note=note))
plat('Anfu Market (Putian)','epochtimes-tw-2021-01-ocr2020','Putian, Fujian; 莆田安福(批發)市場. Footwear.')
plat('Asia Pacific Xinyang Fashion and Gift Plaza (Shanghai)','epochtimes-tw-2021-01-ocr2020','上海亞太新陽服飾禮品市場; English name as used by us, sources vary (sellerclass: Asia-Pacific Xinyang Clothing and Gift Market).')
plat('Huaqiangbei Electronics Malls (Shenzhen)','epochtimes-tw-2021-01-ocr2020','深圳華強北 electronics district; sources say mall, market or commercial belt.')
plat('Zhanxi Road wholesale area (Guangzhou)','epochtimes-tw-2021-01-ocr2020','廣州越秀站西路一帶批發市場 (Yuexiu district).')
plat('Ritan Office Building (Beijing)','epochtimes-tw-2021-01-ocr2020','北京日壇商務樓.')
plat('Silk Market (Beijing)','epochtimes-tw-2021-01-ocr2020','北京秀水街 (Silk Street).')
plat("Wu'ai Market (Shenyang)",'epochtimes-tw-2021-01-ocr2020','五愛市場, Shenyang, Liaoning.')
plat('Yiwu International Trade City (Yiwu)','epochtimes-tw-2021-01-ocr2020','義烏國際商貿城, also called China Commodity City / Yiwu Small Commodities Market.')
plat('Luohu Commercial Center (Shenzhen)','epochtimes-copy-2024-01-30-ocr2023','罗湖商业城 (Luohu Commercial City), at the Hong Kong border crossing.')

R=[]
def rs(rid,sid,on,ph,q,qen='',note=''):
    R.append(dict(report_id=rid,source_id=sid,online_markets=on,physical_markets=ph,quote=q,quote_en=qen,note=note))
rs('ocr-2019','hket-2020-04-ocr2019','38','34','將38個在線市場(比去年增加了5個)和34個實體市場(比去年增加了9個)列入惡名市場。','listed 38 online markets (5 more than last year) and 34 physical markets (9 more than last year) as notorious markets.','Implies 33 online and 25 physical in the 2018 review, as campaignasia says.')
rs('ocr-2020','todaychina-2021-01-ocr2020','39','34','which lists 39 online and 34 physical marketplaces as notorious markets','')
rs('ocr-2021','cnyes-2022-02-18-ocr2021','42','35','將 42 個線上網站與來自中國、越南、印度等 18 國的 35 個實體市場列入','lists 42 online sites and 35 physical markets from 18 countries including China, Vietnam and India')
rs('ocr-2022','udn-2023-ocr2022','39','33','該報告點名39個線上市場以及33個實體市場。','The report names 39 online markets and 33 physical markets.')
rs('ocr-2023','epochtimes-copy-2024-01-30-ocr2023','39','33','2023年“恶名市场”名单确定了39个网络市场和33个实体市场。','The 2023 notorious markets list identifies 39 online markets and 33 physical markets.')
rs('ocr-2023','thehindu-2024-01-30-ocr2023','39','33','The 2023 Notorious Markets List identifies 39 online markets and 33 physical markets that are reported to engage in or facilitate substantial trademark counterfeiting or copyright piracy.','','Same sentence as USTR (ustr-2024-02-06-what-they-are-saying); the article adds: seven physical markets in China.')
rs('ocr-2024','epochtimes-2025-01-ocr2024','38','33','Several major Chinese e-commerce marketplaces are among the 38 notorious online markets listed, including Alibaba’s Taobao, DHgate, Baidu, the fast-growing Pinduoduo, and others. Seven physical markets in China that trade large quantities of counterfeit products are listed among the 33 physical markets involved in trademark counterfeiting or copyright piracy.','','Also counts 7 physical markets in China.')
rs('ocr-2024','udn-2025-01-ocr2024','38','33','名列38個線上平台和33個實體市場','lists 38 online platforms and 33 physical markets')

def w(fn,rows,fields):
    with open(fn,'w',newline='',encoding='utf-8') as f:
        wr=csv.DictWriter(f,fieldnames=fields); wr.writeheader(); wr.writerows(rows)
hdr=lambda f: next(csv.reader(open('/work/main/data/'+f,encoding='utf-8')))
w('sources.csv',S,hdr('sources.csv'))
w('listings.csv',L,hdr('listings.csv'))
w('platforms.csv',P,hdr('platforms.csv'))
w('review_sizes.csv',R,hdr('review_sizes.csv'))
for r in L: assert len(r['quote'])<=400,(r['platform'],len(r['quote']))
print(len(S),len(L),len(P),len(R))
