import csv, io
D='/work/main/data/'
def header(f): return next(csv.reader(open(D+f)))
ACC='2026-12-02'

sources=[
 dict(source_id='peoplesdaily-2014-02-18-mofcom-ocr2013', title="[Report: China's Ministry of Commerce on the 2013 Notorious Market List]", publisher="People's Daily Online (en.people.cn)", published='2014-02-18', url='http://en.people.cn/90883/8539723.html', copy_url='', copy_kind='', kind='news', accessed=ACC, note="Dateline 'BEIJING, Feb. 18'; the year is not printed in the text read: the story reports Shen Danyang's press conference on the 2013 list 'issued ... earlier this month' (released 12 February 2014). Wire agency not named in the text read (Xinhua-style dateline)."),
 dict(source_id='voa-2014-02-13-ocr2013', title='[VOA Chinese report on the 2013 Out-of-Cycle Review of Notorious Markets]', publisher='Voice of America (Chinese)', published='2014-02-13', url='', copy_url='https://yzblive.com/news/b5/2014/02/14/530400.html', copy_kind='repost', kind='news', accessed=ACC, note="Reposted by Kanzhongguo (看中國), which dates it 13 February 2014 and credits '来源:美國之音中文網'. The text says USTR published the report on '2月14號', which contradicts the 12 February release. A simplified-Chinese copy: https://chinadigitaltimes.net/chinese/333133.html. Chinese renderings of market names, not USTR's words."),
 dict(source_id='twnews-2014-02-ocr2013-pixnet', title='美控陸為最大假貨市場 (US accuses mainland of being the largest market for fakes)', publisher='Unidentified Taiwanese newspaper (reposted on a blog)', published='2014-02', url='', copy_url='https://davidli.pixnet.net/blog/post/42934492', copy_kind='repost', kind='news', accessed=ACC, note="Blog repost; the newspaper is not named in the text read ('圖/本報資料照片'). Month inferred from the story ('USTR日前公布2013年的惡名市場名單'). Chinese paraphrase of the report, not USTR's words."),
 dict(source_id='thesun-2014-02-14-ocr2013', title='[The Sun report: 百腦匯被點名 (Buynow named)]', publisher='The Sun (太陽報, Hong Kong)', published='2014-02-14', url='http://the-sun.on.cc/cnt/china_world/20140214/00429_017.html', copy_url='', copy_kind='', kind='news', accessed=ACC, note='Chinese. Date from the address. Says the list was published on Wednesday (12 February 2014). Names markets in Chinese renderings.'),
 dict(source_id='docslib-2013-ocr-report', title='2013 Out-of-Cycle Review of Notorious Markets', publisher='Office of the United States Trade Representative', published='2014-02-12', url='', copy_url='https://docslib.org/doc/13498005/notorious-markets', copy_kind='file_host', kind='primary', accessed=ACC, note="The copy shows only the report's opening (title page dated 'February 12, 2014' and the Overview); its market entries were not read."),
 dict(source_id='voa-2015-12-17-ocr2015', title='美国公布2015年“恶名市场名单”五家中国市场被点名 (US publishes 2015 notorious markets list; five Chinese markets named)', publisher='Voice of America (Chinese)', published='2015-12-17', url='', copy_url='https://voa.pangea-cms.com/preview/zh-CN/a/voa-news-2015-notorious-markets-list-spotlights-fight-against-global-piracy-and-counterfeiting-of-american-products-20151217/3107330.html', copy_kind='mirror', kind='news', accessed=ACC, note="Read on VOA's CMS preview host; the public voachinese.com address is not shown. Date from the address. Chinese; its counts (16 internet, 17 physical) are VOA's reading of the report."),
 dict(source_id='chinaipr-2016-12-22-notorious-jsp', title='Notorious Markets, Alibaba and the JSP', publisher='China IPR (blog)', published='2016-12-22', url='https://chinaipr.com/2016/12/22/notorious-markets-alibaba-and-the-jsp/', copy_url='', copy_kind='', kind='analysis', accessed=ACC, note="Date from the address; the post says the report was 'released yesterday, December 21, 2016'. The copy read breaks off after naming Nanjing Imperiosus Technology."),
 dict(source_id='lizhitianxia-2016-12-23-ten-chinese-markets', title='[Report on Taobao back on the Notorious Markets list (byline 孫奇茹)]', publisher='Unidentified newspaper (本報訊, reporter 孫奇茹 Sun Qiru)', published='2016-12-23', url='', copy_url='http://lizhitianxia.com/2016-12/23/content_27756908.htm', copy_kind='repost', kind='news', accessed=ACC, note="Date from the copy's address; the story says Taobao was listed '昨日'. The newspaper is not named in the text read. Chinese."),
 dict(source_id='shine-2018-01-19-mofcom-ocr2017', title='China condemns US accusations of unfair trading', publisher='Shanghai Daily', published='2018-01-19', url='https://www.shine.cn/archive/nation/China-condemns-US-accusations-of-unfair-trading/shdaily.shtml', copy_url='', copy_kind='', kind='news', accessed=ACC, note="Reports MOFCOM spokesman Gao Feng's remarks on the 2017 list; date as the page shows it."),
 dict(source_id='cna-2018-01-13-taobao-again', title='USTR惡市場名單 淘寶網又上榜 (USTR notorious markets list: Taobao on it again)', publisher='Central News Agency (Taiwan)', published='2018-01-13', url='', copy_url='http://pchome.megatime.com.tw/news/cat1/20180113/15157779845139518003.html', copy_kind='reprint', kind='news', accessed=ACC, note='Wire by Cheng Chung-sheng (鄭崇生), Washington, 12 January; printed by PChome/Megatime on 13 January 2018. Chinese.'),
 dict(source_id='chinadaily-2018-01-18-mofcom-ocr2017', title="Commerce Ministry questions US' 'notorious markets list'", publisher='China Daily', published='2018-01-18', url='', copy_url='https://english.eastday.com/Business/auto/u1ai8585313.html', copy_kind='reprint', kind='news', accessed=ACC, note="Printed by english.eastday.com ('From:chinadaily | 2018-01-18')."),
 dict(source_id='nikkei-2019-04-pinduoduo', title='US adds Pinduoduo to list of counterfeit facilitators', publisher='Nikkei Asian Review', published='2019-04', url='https://asia.nikkei.com/Business/Companies/US-adds-Pinduoduo-to-list-of-counterfeit-facilitators', copy_url='', copy_kind='', kind='news', accessed=ACC, note="The page read shows no date; it reports a USTR report 'released Thursday' (25 April 2019); month inferred from that."),
]

platforms=[
 ('Kuaibo','','China','other','peoplesdaily-2014-02-18-mofcom-ocr2013',"Kuaibo.com (快播, per VOA); Xinhua-style report counts it among 'three Chinese websites'."),
 ('Aiseesoft','','China','other','peoplesdaily-2014-02-18-mofcom-ocr2013',"Aiseesoft.com; counted among 'three Chinese websites'; VOA: a site offering unauthorised video products."),
 ('Paipai','Tencent','China','marketplace','twnews-2014-02-ocr2013-pixnet',"拍拍; the source calls it Tencent's auction site (騰訊旗下的拍賣網站拍拍)."),
 ('Gongchang.com','','','marketplace','chinaipr-2016-12-22-notorious-jsp',"The page spells it 'Gongchangcom'; chinaIPR lists it among sites 'with a Chinese link'; country not stated."),
 ('Nanjing Imperiosus Technology','','China','other','chinaipr-2016-12-22-notorious-jsp',"Nanjing Imperiosus Technology Co., Ltd, also operating as Domainerschoice.com; country from the company's name (Nanjing)."),
 ('Silk Market (Beijing)','','China','physical_market','peoplesdaily-2014-02-18-mofcom-ocr2013','秀水街 / 秀水市場 (Xiushui). kind physical_market is a value the brief adds.'),
 ('Luohu Commercial Center (Shenzhen)','','China','physical_market','peoplesdaily-2014-02-18-mofcom-ocr2013','羅湖商業城; CNA 2015 writes 深圳羅湖城, VOA 2014 深圳羅湖商務中心.'),
 ('Buynow PC Malls (China)','','China','physical_market','peoplesdaily-2014-02-18-mofcom-ocr2013','百腦匯, a chain of computer malls in mainland China (The Sun: 22 outlets; a Taiwanese paper: 20-plus, Taiwanese-owned).'),
 ('Garment Wholesale Center (Guangzhou)','','China','physical_market','peoplesdaily-2014-02-18-mofcom-ocr2013',"Xinhua-style name 'Garment Wholesale Center'; VOA: 廣州火車站服裝批發市場 (garment wholesale markets by Guangzhou Railway Station); The Sun: 廣州服飾批發中心."),
 ('Zengcheng International Jeans Market (Guangzhou)','','China','physical_market','peoplesdaily-2014-02-18-mofcom-ocr2013','The source gives no city; Zengcheng is a district of Guangzhou (our label).'),
 ('Qipu Road Wholesale Market (Shanghai)','','China','physical_market','cna-2015-12-17-notorious-markets','上海七浦路批發市場 (CNA); 上海七浦路市场 (VOA).'),
 ('Jinlongpan Market (Guangzhou)','','China','physical_market','cna-2015-12-17-notorious-markets','廣州金龍盤市場; English form is our romanisation.'),
 ('Chenghai Market (Shantou)','','China','physical_market','cna-2015-12-17-notorious-markets','汕頭澄海市場; English form is our romanisation.'),
 ('Baiyun Market (Guangzhou)','','China','physical_market','lizhitianxia-2016-12-23-ten-chinese-markets','廣州白云市場 as the source gives it; which Baiyun market (e.g. a leather market) is meant is not stated.'),
 ('Hongqiao Market (Beijing)','','China','physical_market','shine-2018-01-19-mofcom-ocr2017','紅橋市場 (CNA); Shanghai Daily: Beijing’s Silk and Hongqiao markets.'),
]

Q13="Kuaibo.com, Xunlei.com, Aiseesoft.com, Garment Wholesale Center, Buynow PC Malls, Luohu Commercial Center, Silk Market and Zengcheng International Jeans Market were on the 2013 list."
N13="Xinhua-style report (via People's Daily Online) quoting the list; 'three Chinese websites and five physical marketplaces'. "
Q13TW="USTR的報告也指出,在當地政府與業者自律的情況下,很多在過去被點名的大陸網站都已經停止經營或轉型,包含淘寶網、百度、騰訊旗下的拍賣網站拍拍等,所以美方已經將這些網站從惡意市場名單中除名,但未來還會持續觀察。"
Q13TW_EN="The USTR report also notes that, with local government action and industry self-discipline, many mainland websites named in the past have closed or changed, including Taobao, Baidu and Tencent's auction site Paipai, so the US has removed them from the notorious markets list, but will keep watching."
Q15="在全球17個實體商場的惡市場名單中,中國有5大商場榜上有名、占總數近1/3。 … 被USTR點名的實體商場有北京秀水街、上海七浦路批發市場、深圳羅湖城、廣州金龍盤市場和汕頭澄海市場。"
Q15_EN="Of the 17 physical markets on the notorious markets list worldwide, five are in China, nearly a third of the total. … The physical markets USTR named are Beijing's Silk Street, Shanghai's Qipu Road wholesale market, Shenzhen's Luohu City, Guangzhou's Jinlongpan market and Shantou's Chenghai market."
N15="CNA wire (a rendering of USTR's English). Same five named by VOA (also: voa-2015-12-17-ocr2015)."
Q16CI="Taobao is not the only market with a Chinese link.  Other sites included Gongchangcom, which reportedly sells counterfeits, including counterfeit security acts to attach to counterfeit merchandise; Nanjing Imperiosus Technology Co., Ltd (also operating as Domainerschoice.com)"
Q16B="報告顯示,此次共有10家中國市場“上榜”,包括淘寶網等4家線上市場和廣州白云市場等6家線下市場,幾乎占到了所謂“惡名市場”的1/4。"
Q16B_EN="The report shows that 10 Chinese markets are on the list this time, including four online markets such as Taobao and six offline markets such as Guangzhou's Baiyun market, nearly a quarter of the so-called notorious markets."
Q17="Physical outlets included Beijing’s famed Silk and Hongqiao markets popular with tourists."

listings=[
 ('ocr-2013','Kuaibo','','listed','peoplesdaily-2014-02-18-mofcom-ocr2013',Q13,'',N13+"VOA: 快播Kuaibo.com (also: voa-2014-02-13-ocr2013)."),
 ('ocr-2013','Xunlei','','listed','peoplesdaily-2014-02-18-mofcom-ocr2013',Q13,'',N13+"VOA names it 迅雷看看Xunlei.com/Kankan.com (also: voa-2014-02-13-ocr2013)."),
 ('ocr-2013','Aiseesoft','','listed','peoplesdaily-2014-02-18-mofcom-ocr2013',Q13,'',N13+"(also: voa-2014-02-13-ocr2013)"),
 ('ocr-2013','Garment Wholesale Center (Guangzhou)','','listed','peoplesdaily-2014-02-18-mofcom-ocr2013',Q13,'',N13+"City from VOA (廣州火車站服裝批發市場) and The Sun (廣州服飾批發中心) (also: voa-2014-02-13-ocr2013, thesun-2014-02-14-ocr2013)."),
 ('ocr-2013','Buynow PC Malls (China)','','listed','peoplesdaily-2014-02-18-mofcom-ocr2013',Q13,'',N13+"(also: voa-2014-02-13-ocr2013, thesun-2014-02-14-ocr2013, twnews-2014-02-ocr2013-pixnet)"),
 ('ocr-2013','Luohu Commercial Center (Shenzhen)','','listed','peoplesdaily-2014-02-18-mofcom-ocr2013',Q13,'',N13+"(also: voa-2014-02-13-ocr2013, twnews-2014-02-ocr2013-pixnet)"),
 ('ocr-2013','Silk Market (Beijing)','','listed','peoplesdaily-2014-02-18-mofcom-ocr2013',Q13,'',N13+"(also: voa-2014-02-13-ocr2013, thesun-2014-02-14-ocr2013, twnews-2014-02-ocr2013-pixnet)"),
 ('ocr-2013','Zengcheng International Jeans Market (Guangzhou)','','listed','peoplesdaily-2014-02-18-mofcom-ocr2013',Q13,'',N13+"Only this source names it; city is our label."),
 ('ocr-2013','Baidu','Baidu','not_listed','twnews-2014-02-ocr2013-pixnet',Q13TW,Q13TW_EN,"Unidentified Taiwanese paper via a blog repost. The sentence lumps Baidu (removed Dec 2011) with Taobao (removed Dec 2012) and Paipai; it says they are off the list, not that this review removed them. Consistent with the complete China list in peoplesdaily-2014-02-18-mofcom-ocr2013, which does not include Baidu."),
 ('ocr-2013','Paipai','Tencent','not_listed','twnews-2014-02-ocr2013-pixnet',Q13TW,Q13TW_EN,"Paipai was on the December 2012 list (chinadaily-2013-01-notorious-unfair), so it presumably left in this review, but the source does not say which review removed it; kept as not_listed, not removed."),
 ('ocr-2015','Silk Market (Beijing)','','listed','cna-2015-12-17-notorious-markets',Q15,Q15_EN,N15),
 ('ocr-2015','Qipu Road Wholesale Market (Shanghai)','','listed','cna-2015-12-17-notorious-markets',Q15,Q15_EN,N15),
 ('ocr-2015','Luohu Commercial Center (Shenzhen)','','listed','cna-2015-12-17-notorious-markets',Q15,Q15_EN,N15+" CNA writes 深圳羅湖城; VOA 深圳罗湖商业城."),
 ('ocr-2015','Jinlongpan Market (Guangzhou)','','listed','cna-2015-12-17-notorious-markets',Q15,Q15_EN,N15),
 ('ocr-2015','Chenghai Market (Shantou)','','listed','cna-2015-12-17-notorious-markets',Q15,Q15_EN,N15),
 ('ocr-2016','Gongchang.com','','listed','chinaipr-2016-12-22-notorious-jsp',Q16CI,'',"Blog summary of the report; 'with a Chinese link', country not stated. The copy read breaks off after the next name."),
 ('ocr-2016','Nanjing Imperiosus Technology','','listed','chinaipr-2016-12-22-notorious-jsp',Q16CI,'',"Blog summary of the report; also operating as Domainerschoice.com."),
 ('ocr-2016','Baiyun Market (Guangzhou)','','listed','lizhitianxia-2016-12-23-ten-chinese-markets',Q16B,Q16B_EN,"Single source (repost of an unnamed newspaper); which Baiyun market is not stated. The other five Chinese physical markets are not named in any source read."),
 ('ocr-2016','Silk Market (Beijing)','','listed','ecns-2016-12-23-taobao-returned','In addition to Taobao.com, three other online markets and six brick and mortar markets in China, including Beijing\'s renowned Silk Street Market, were included on the new "notorious markets" list.','',"ECNS (China News Service), news; the only physical market it names."),
 ('ocr-2017','Silk Market (Beijing)','','listed','shine-2018-01-19-mofcom-ocr2017',Q17,'',"CNA: 實體市場...大陸有6個上榜,包括北京知名的秀水市場及紅橋市場 (also: cna-2018-01-13-taobao-again)."),
 ('ocr-2017','Hongqiao Market (Beijing)','','listed','shine-2018-01-19-mofcom-ocr2017',Q17,'',"(also: cna-2018-01-13-taobao-again)"),
]

sizes=[
 ('ocr-2015','voa-2015-12-17-ocr2015','16','17','星期四公布的报告共列出16个互联网市场,17个实体市场。',"The report published on Thursday lists 16 internet markets and 17 physical markets.","Disagrees with International Trade Today's 14 online markets (internationaltradetoday-2015-12-ocr); physical count agrees with CNA (17)."),
 ('ocr-2017','chinadaily-2018-01-18-mofcom-ocr2017','25','18','The report, also known as the 2017 Special 301 Out-of-Cycle Review of Notorious Markets, lists 25 online markets and 18 physical markets around the world that are reported to be engaging in and facilitating substantial copyright piracy and trademark counterfeiting.','','Agrees with USTR (ustr-2018-01-12-nml2017-press). The same story: three Chinese e-commerce platforms and six physical marketplaces.'),
 ('ocr-2017','cna-2018-01-13-taobao-again','25','18','在USTR列名的25個販售盜版與仿冒、侵犯智慧財產權情況嚴重的網路市場黑名單榜上有名。 … 另外,實體市場的「惡市場名單」共有18個,大陸有6個上榜',"…is on USTR's blacklist of 25 online markets … In addition, the physical-market list has 18 entries, six of them on the mainland",'CNA; agrees with USTR.'),
 ('ocr-2018','nikkei-2019-04-pinduoduo','33','25','It was one of 33 online markets and 25 brick-and-mortar markets to make the list.','','Agrees with Campaign Asia (campaignasia-2019-04-26-pinduoduo).'),
]

with open('/work/research23/b/sources.csv','w',newline='') as f:
  w=csv.DictWriter(f,fieldnames=header('sources.csv')); w.writeheader(); [w.writerow(s) for s in sources]
with open('/work/research23/b/platforms.csv','w',newline='') as f:
  w=csv.writer(f); w.writerow(header('platforms.csv')); [w.writerow(p) for p in platforms]
with open('/work/research23/b/listings.csv','w',newline='') as f:
  w=csv.writer(f); w.writerow(header('listings.csv')); [w.writerow(l) for l in listings]
with open('/work/research23/b/review_sizes.csv','w',newline='') as f:
  w=csv.writer(f); w.writerow(header('review_sizes.csv')); [w.writerow(s) for s in sizes]
print('ok')
