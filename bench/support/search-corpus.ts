/**
 * Text for benchmark 5: suggestions and replies composed from the matters a county congress hears every year.
 * Every sentence ends in 。, so a document's words are its sentences' words in order (jieba never segments across
 * punctuation), and each distinct sentence and title is segmented once however many documents use it.
 */
interface Topic {
  category: string;
  /** The matter, as it follows 关于{place} in a title. */
  matter: string;
  content: [string, string, string];
  replies: [string, string];
}

export const PLACES = [
  '城东新区', '城西街道', '青山乡', '东湖镇', '南港工业园', '北塘村', '西河社区', '高新区', '滨江新城', '老城区',
  '经济开发区', '白马镇', '石桥乡', '柳溪村', '金沙街道', '红星社区', '新港镇', '云台乡', '凤凰社区', '长安街道',
];

export const TOPICS: Topic[] = [
  { category: '环资城建', matter: '增设公交站点', content: ['现有公交站点间距过大，居民出行很不方便。', '建议增设公交站点并优化公交线路走向。', '早晚高峰时段公交班次偏少，候车时间较长。'], replies: ['我局已将增设公交站点纳入年度公交线路优化计划。', '下一步将加密高峰时段班次，缩短群众候车时间。'] },
  { category: '农业农村', matter: '加强农村饮用水水源保护', content: ['部分村庄饮用水水源地周边存在养殖污染。', '建议划定饮用水水源保护范围并加强日常巡查。', '农村供水管网老化，水质不够稳定。'], replies: ['已完成饮用水水源保护区划定并设立警示标志。', '农村供水管网改造工程分两期实施。'] },
  { category: '教科文卫', matter: '增加中小学学位供给', content: ['城区适龄儿童增长较快，学位供给十分紧张。', '建议加快新建学校并统筹调配学位资源。', '部分学校班额过大，影响教学质量。'], replies: ['新建小学一所已列入今年重点工程。', '我局将通过集团化办学统筹调配学位。'] },
  { category: '社会建设', matter: '完善社区居家养老服务', content: ['辖区老年人口比例逐年提高，养老需求旺盛。', '建议推广社区助餐点和上门护理服务。', '居家养老服务网络覆盖不全，专业护理人员不足。'], replies: ['今年新建社区助餐点十个，覆盖主要居民小区。', '将加强养老护理员培训，扩大上门服务范围。'] },
  { category: '环资城建', matter: '推进老旧小区加装电梯', content: ['老旧小区加装电梯审批环节多、资金筹集难。', '建议出台加装电梯统一办法并给予财政补助。', '高层住户与低层住户意见难以统一。'], replies: ['我局已会同有关部门简化加装电梯审批流程。', '对符合条件的加装电梯项目给予每台定额补助。'] },
  { category: '财政经济', matter: '支持小微企业融资', content: ['小微企业普遍反映融资难、融资贵。', '建议设立小微企业应急转贷资金，降低融资成本。', '银行对小微企业的信贷审批周期较长。'], replies: ['县财政已安排应急转贷资金，专项支持小微企业。', '将推动银行开发适合小微企业的信贷产品。'] },
  { category: '环资城建', matter: '治理停车难问题', content: ['中心区停车位严重不足，车辆乱停乱放现象突出。', '建议建设公共停车场并推行智慧停车系统。', '部分小区周边道路被长期占用停车。'], replies: ['今年将新建公共停车场三处，新增停车泊位八百个。', '智慧停车平台已完成招标，年底前上线运行。'] },
  { category: '教科文卫', matter: '提升乡镇卫生院服务能力', content: ['乡镇卫生院医务人员短缺，诊疗设备陈旧。', '建议加强乡镇卫生院人才引进和设备配置。', '群众小病也要到县城医院就诊，负担较重。'], replies: ['已为乡镇卫生院招聘医学专业毕业生二十名。', '县医院与乡镇卫生院建立医共体，专家定期下沉坐诊。'] },
  { category: '民主法制', matter: '加强校园周边交通安全管理', content: ['上下学时段校园周边交通拥堵，存在安全隐患。', '建议增设护学岗和交通安全设施。', '部分学校门口缺少减速带和人行横道。'], replies: ['公安交警部门已在中小学门口设立护学岗。', '已在校园周边道路增设减速带和警示标志。'] },
  { category: '农业农村', matter: '推进农村生活垃圾分类', content: ['农村生活垃圾随意堆放，影响村容村貌。', '建议完善农村垃圾分类收运体系。', '保洁人员经费不足，长效保洁机制尚未建立。'], replies: ['已在全县行政村推行垃圾分类定时定点投放。', '县财政将保洁经费纳入年度预算予以保障。'] },
  { category: '环资城建', matter: '开展河道综合整治', content: ['部分河道淤积严重，水体发黑发臭。', '建议实施河道清淤和生态修复工程。', '沿河排污口未完全截污纳管。'], replies: ['河道清淤工程已完成设计，汛期后开工。', '将全面排查沿河排污口，实施截污纳管。'] },
  { category: '农业农村', matter: '实施农村道路提档升级', content: ['部分农村道路路面破损，会车困难。', '建议实施农村道路拓宽和提档升级工程。', '农村道路养护责任不明确，养护资金不足。'], replies: ['今年计划改造提升农村道路五十公里。', '已建立县乡村三级道路养护责任制度。'] },
  { category: '社会建设', matter: '优化农贸市场布局', content: ['新建小区周边缺少农贸市场，群众买菜不便。', '建议合理规划农贸市场布局并改造老旧市场。', '部分农贸市场环境脏乱，管理不规范。'], replies: ['已将新建农贸市场纳入片区控制性详细规划。', '老旧农贸市场提升改造工程正在推进。'] },
  { category: '民主法制', matter: '加强食品安全监管', content: ['校园周边小餐饮和流动摊贩食品安全隐患较多。', '建议加大食品安全抽检频次和执法力度。', '网络订餐平台入网商户资质审核不严。'], replies: ['市场监管部门已开展校园周边食品安全专项整治。', '将督促网络订餐平台落实入网商户资质审核责任。'] },
  { category: '财政经济', matter: '发展乡村旅游', content: ['乡村旅游资源丰富，但配套设施不完善。', '建议统筹规划乡村旅游线路并完善停车和游客服务设施。', '乡村民宿缺少规范引导，服务水平参差不齐。'], replies: ['已编制乡村旅游发展规划，推出精品线路四条。', '将出台乡村民宿管理办法，引导规范经营。'] },
  { category: '教科文卫', matter: '增加公共体育设施', content: ['群众健身场地不足，体育设施分布不均衡。', '建议利用边角地建设口袋公园和健身步道。', '部分学校体育场地未向社会开放。'], replies: ['今年将新建健身步道二十公里、口袋公园十个。', '已推动具备条件的学校体育场地错时向社会开放。'] },
  { category: '社会建设', matter: '规范电动自行车集中充电', content: ['电动自行车进楼入户充电现象普遍，火灾风险大。', '建议在小区内建设电动自行车集中充电设施。', '部分小区物业不愿配合建设充电设施。'], replies: ['已在老旧小区建成电动自行车集中充电点一百余处。', '将把充电设施建设纳入物业服务考核。'] },
  { category: '环资城建', matter: '提升污水处理能力', content: ['乡镇污水处理厂处理能力不足，管网覆盖率低。', '建议加快污水处理厂扩建和配套管网建设。', '部分工业园区污水预处理不达标。'], replies: ['污水处理厂扩建工程预计明年建成投运。', '将加强对工业园区企业排水的监督检查。'] },
  { category: '财政经济', matter: '加快5G网络建设', content: ['部分乡镇和行政村移动网络信号较弱。', '建议加快5G基站建设，实现重点区域网络全覆盖。', '基站选址难、进场难问题比较突出。'], replies: ['今年将新建5G基站三百个，实现乡镇全覆盖。', '已协调将基站建设纳入国土空间规划。'] },
  { category: '社会建设', matter: '提高居民医保报销比例', content: ['大病患者自付医疗费用负担较重。', '建议提高城乡居民医保报销比例并扩大慢性病门诊保障范围。', '异地就医结算手续繁琐。'], replies: ['已将多个慢性病病种纳入门诊保障范围。', '异地就医直接结算已覆盖全县定点医疗机构。'] },
  { category: '农业农村', matter: '加强高标准农田建设', content: ['部分农田水利设施老化，灌溉排水不畅。', '建议加大高标准农田建设投入并做好建后管护。', '土地流转不规范，影响规模化经营。'], replies: ['今年建设高标准农田两万亩，配套完善灌排设施。', '已建立高标准农田建后管护长效机制。'] },
  { category: '环资城建', matter: '整治噪声扰民', content: ['夜间施工和广场舞噪声影响周边居民休息。', '建议加强噪声监测并依法查处噪声扰民行为。', '主干道交通噪声较大，缺少隔音设施。'], replies: ['已加强夜间施工审批管理并开展专项执法检查。', '将在主干道临近居民区路段增设隔音设施。'] },
  { category: '社会建设', matter: '发展普惠托育服务', content: ['婴幼儿托育机构数量少、收费高。', '建议发展普惠托育服务并支持幼儿园开设托班。', '托育从业人员专业水平有待提高。'], replies: ['今年新增普惠托位五百个，支持幼儿园开设托班。', '将开展托育从业人员职业技能培训。'] },
  { category: '民主法制', matter: '加强基层法律援助服务', content: ['困难群众获得法律服务的渠道有限。', '建议在村居普遍设立法律顾问和法律援助联络点。', '农民工讨薪维权成本较高。'], replies: ['已实现村居法律顾问全覆盖。', '开通农民工讨薪法律援助绿色通道。'] },
];

export const GENERAL_CONTENT = [
  '该问题群众反映强烈，社会关注度高。', '建议相关部门加强统筹协调，明确责任分工。', '建议加大财政投入，建立长效管理机制。',
  '希望政府尽快研究解决，切实回应群众关切。', '此事关系民生福祉，应当列入年度重点工作。', '建议借鉴周边地区的成熟做法。',
  '建议广泛听取群众意见，科学论证后实施。', '建议定期公开工作进展，接受群众监督。', '有关情况在代表视察调研中多次被提出。',
  '建议将此项工作纳入政府目标考核。',
];

export const GENERAL_REPLIES = [
  '感谢代表对我县经济社会发展的关心和支持。', '我们将认真研究代表提出的意见，持续推进相关工作。', '办理过程中我们多次与代表当面沟通。',
  '相关经费已列入年度财政预算。', '我们将定期向代表通报工作进展情况。', '此项工作已纳入部门年度重点任务清单。',
  '欢迎代表继续关心和监督我们的工作。', '下一步我们将加强部门协作，确保各项措施落到实处。',
];

export interface CorpusDocument {
  title: string;
  category: string;
  /** Indices into the sentence list of `corpusSentences()`. */
  contentSentences: number[];
  replySentences: number[];
}

/** Every sentence documents are made of: topics' content and replies, then the general ones. */
export function corpusSentences(): string[] {
  return [...TOPICS.flatMap((t) => [...t.content, ...t.replies]), ...GENERAL_CONTENT, ...GENERAL_REPLIES];
}

/** Document `n`: a topic and a place from n, and sentences chosen from n, so the corpus is the same on every run. */
export function corpusDocument(n: number): CorpusDocument {
  const t = n % TOPICS.length;
  const topic = TOPICS[t];
  const place = PLACES[Math.floor(n / TOPICS.length) % PLACES.length];
  const own = (offset: number) => t * 5 + offset;
  const general = (i: number) => TOPICS.length * 5 + (i % GENERAL_CONTENT.length);
  const generalReply = (i: number) => TOPICS.length * 5 + GENERAL_CONTENT.length + (i % GENERAL_REPLIES.length);
  return {
    title: `关于${place}${topic.matter}的建议`,
    category: topic.category,
    contentSentences: [own(n % 3), own((n + 1) % 3), general(n * 3), general(n * 7 + 1)],
    replySentences: [generalReply(n), own(3 + (n % 2)), own(3 + ((n + 1) % 2)), generalReply(n * 5 + 3)],
  };
}

/** Queries people type on the portal: one word, a word made of smaller ones, a place and a matter, a rare phrase. */
export const SEARCH_QUERIES = [
  '公交站点', '饮用水', '老旧小区 电梯', '学位', '居家养老', '停车场', '卫生院', '垃圾分类', '河道 清淤', '农村道路',
  '食品安全', '乡村旅游', '健身步道', '电动自行车 充电', '污水处理', '5G基站', '医保 报销', '高标准农田', '噪声', '托育',
  '法律援助', '城东新区 公交', '青山乡 饮用水', '助餐点',
];
