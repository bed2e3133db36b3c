// Credit-list material: trade names, industries, shop kinds, reasons (列入事由 / 守信事迹) per category.
// Reason slots: {district} {street} {year} {month} {n1} {n2} {pct} {amountText} {workers} {project}
// {product} {issue} {accident} {court} {caseNo}.

export type RedCategory = '诚信经营企业' | '诚信个体工商户' | '食品安全示范店' | '计量诚信单位' | '文明诚信市场';
export type BlackCategory = '失信被执行人' | '拖欠农民工工资' | '食品药品安全' | '安全生产' | '电信诈骗典型案例';
export type CreditCategoryName = RedCategory | BlackCategory;

export interface CategoryDef {
  name: CreditCategoryName;
  list: 'red' | 'black';
  periodMonths: number;
  personNameMasking: 'masked' | 'full';
}

export const CREDIT_CATEGORIES: CategoryDef[] = [
  { name: '诚信经营企业', list: 'red', periodMonths: 24, personNameMasking: 'masked' },
  { name: '诚信个体工商户', list: 'red', periodMonths: 24, personNameMasking: 'masked' },
  { name: '食品安全示范店', list: 'red', periodMonths: 12, personNameMasking: 'masked' },
  { name: '计量诚信单位', list: 'red', periodMonths: 24, personNameMasking: 'masked' },
  { name: '文明诚信市场', list: 'red', periodMonths: 24, personNameMasking: 'masked' },
  { name: '失信被执行人', list: 'black', periodMonths: 24, personNameMasking: 'masked' },
  { name: '拖欠农民工工资', list: 'black', periodMonths: 12, personNameMasking: 'masked' },
  { name: '食品药品安全', list: 'black', periodMonths: 12, personNameMasking: 'masked' },
  { name: '安全生产', list: 'black', periodMonths: 12, personNameMasking: 'masked' },
  { name: '电信诈骗典型案例', list: 'black', periodMonths: 36, personNameMasking: 'masked' },
];

/** Two-character trade names (字号). "诚信达" is kept out: it is reserved for the fixed search examples. */
export const TRADE_NAMES = [
  '鑫源', '宏达', '恒通', '华信', '瑞丰', '天成', '金鼎', '博远', '永盛', '嘉禾', '聚力', '新航', '安顺', '启明', '润泽',
  '德润', '和顺', '兴隆', '隆昌', '弘毅', '佳运', '锦程', '卓越', '晟达', '昊天', '海纳', '凯瑞', '荣泰', '裕丰', '中正',
  '盛景', '明珠', '远航', '通达', '益民', '惠民', '康源', '福临', '万和', '信和', '同心', '立信', '祥瑞', '百川', '青禾',
  '绿源', '晨光', '星辰', '楚韵', '临江', '湖畔', '青松', '金桥', '银河', '鼎盛', '泰和', '众邦', '联众', '广源', '宏图',
  '振兴', '顺发', '旺达', '合力', '美佳', '乐家', '安居', '怡景', '汇通', '天泽', '瑞祥', '金穗', '丰收', '田园', '金帆',
  '展鹏', '腾飞', '中鼎', '恒昌', '宝丰', '华美', '久安', '乾元', '亿嘉', '长荣', '德顺', '丰源', '冠华', '君诚', '利民',
];

/** Industries (行业) of 法人企业 names per category: "江城市" + 字号 + industry + "有限公司". */
export const COMPANY_INDUSTRIES: Record<CreditCategoryName, string[]> = {
  诚信经营企业: ['商贸', '物流', '电子科技', '机械制造', '食品', '信息技术', '物业服务', '家居', '印务', '服饰'],
  诚信个体工商户: ['商贸'],
  食品安全示范店: ['餐饮管理', '食品', '酒店管理', '餐饮服务'],
  计量诚信单位: ['石油销售', '超市', '燃气', '眼镜', '水务'],
  文明诚信市场: ['农贸市场管理', '建材市场管理', '小商品市场经营', '水产市场管理'],
  失信被执行人: ['建筑工程', '商贸', '房地产开发', '投资管理', '装饰工程', '贸易', '科技'],
  拖欠农民工工资: ['建筑工程', '建筑劳务', '装饰工程', '园林绿化', '市政工程'],
  食品药品安全: ['食品', '大药房', '餐饮管理', '食品贸易'],
  安全生产: ['化工', '建材', '机械制造', '混凝土', '家具制造', '仓储', '金属制品'],
  电信诈骗典型案例: ['网络科技', '信息咨询', '通信器材'],
};

/** Shop kinds of 个体工商户 per category: district + shop name + kind. */
export const SHOP_KINDS: Partial<Record<CreditCategoryName, string[]>> = {
  诚信个体工商户: ['小吃店', '便利店', '水果店', '五金店', '理发店', '干洗店', '粮油店', '眼镜店', '手机维修店', '服装店', '副食店', '面馆'],
  食品安全示范店: ['餐馆', '面馆', '早餐店', '饺子馆', '土菜馆'],
  食品药品安全: ['熟食店', '小吃店', '食品经营部', '药店', '烧烤店'],
  电信诈骗典型案例: ['通讯器材店'],
};

/** Non-profit organisations: [name, kind digit pair]. 12 = 事业单位, 52 = 民办非企业单位. */
export const PUBLIC_ORGS: { name: string; prefix: '12' | '52'; category: CreditCategoryName }[] = [
  { name: '江城市第三人民医院', prefix: '12', category: '计量诚信单位' },
  { name: '江城市临湖区中医医院', prefix: '12', category: '计量诚信单位' },
  { name: '江城市青山区育才民办学校', prefix: '52', category: '食品安全示范店' },
  { name: '江城市江北区阳光养老服务中心', prefix: '52', category: '食品安全示范店' },
  { name: '江城市产品质量监督检验所', prefix: '12', category: '计量诚信单位' },
];

/** Reasons per category and subject (org = organisations and shops, person = natural persons). */
export const REASONS: Record<CreditCategoryName, { org: string[]; person?: string[] }> = {
  诚信经营企业: {
    org: [
      '该企业坚持依法诚信经营，近三年无行政处罚和不良信用记录，按时足额纳税，纳税信用等级连续{n1}年为A级，积极吸纳本地就业{n2}人，获评{year}年度江城市“守合同重信用”企业。',
      '该企业建立了完善的合同管理和质量管理制度，产品质量抽检连续多年合格，售后服务承诺兑现率100%，近三年未发生消费投诉和劳动纠纷，在行业内起到了良好的示范带动作用。',
      '该企业主动公开服务承诺，按时足额支付员工工资和社会保险费，无拖欠账款记录，连续{n1}年被金融机构评为AAA级信用客户，在{district}诚信企业评选中名列前茅。',
    ],
  },
  诚信个体工商户: {
    org: [
      '经营者亮照亮证经营，明码标价、童叟无欺，{n1}年来未发生一起消费投诉，主动作出“无理由退货”承诺，在{street}商户中口碑良好，被评为{year}年度{district}诚信经营示范户。',
      '经营者坚持诚信经营，商品来源可追溯、进货台账齐全，在店内设置公平秤，主动接受消费者监督，连续{n1}年无违法违规记录，热心参与社区公益活动。',
      '该个体工商户依法按时申报纳税，无行政处罚记录，坚持质价相符、足斤足两，主动为老年顾客提供送货上门服务，消费者满意度达{pct}%。',
    ],
  },
  食品安全示范店: {
    org: [
      '后厨实行“明厨亮灶”，食品原料进货查验记录完整，从业人员健康证持证率100%，餐具消毒规范，在{year}年食品安全量化分级评定中获A级，连续{n1}年无食品安全投诉。',
      '该单位严格落实食品安全主体责任，配备专职食品安全管理员，建立原料采购、加工制作、留样留存全过程管理制度，积极推行“光盘行动”，在日常监督检查中表现良好。',
      '经营场所整洁卫生，食品贮存分区分类、标识清晰，严格执行食品添加剂“五专”管理，主动公开食品原料来源，群众满意度达{pct}%，被评为江城市食品安全示范店。',
    ],
  },
  计量诚信单位: {
    org: [
      '建立健全计量管理制度，在用强制检定计量器具{n2}台（件）全部按期检定合格，经营场所设置公平秤，连续{n1}年在计量监督抽查中合格率100%，无计量投诉。',
      '该单位主动作出计量诚信承诺，配备专职计量管理人员，定期开展计量器具自查自校，计量数据真实准确，在{year}年计量专项检查中未发现任何问题。',
    ],
  },
  文明诚信市场: {
    org: [
      '市场内{n2}户经营户全部签订诚信经营承诺书，设立消费者投诉站和公平秤，推行“一户一码”溯源管理，环境整洁有序，消费者满意度达{pct}%。',
      '市场建立经营户信用档案和诚信评价制度，开展“诚信经营户”评选，定期公示检测结果，全年消费投诉处理率100%，成为{district}规范化管理的示范市场。',
    ],
  },
  失信被执行人: {
    org: [
      '该单位在与{district}某公司买卖合同纠纷一案中，经{court}作出的生效法律文书确定应支付货款及利息共计{amountText}，该单位有履行能力而拒不履行，被依法纳入失信被执行人名单。',
      '该单位在建设工程施工合同纠纷一案中，未按生效判决支付工程款{amountText}，并以虚假诉讼等方法规避执行，{court}依法将其纳入失信被执行人名单。',
      '该单位在租赁合同纠纷一案中被判令支付租金及违约金{amountText}，执行过程中违反财产报告制度，拒不申报财产状况，{court}依法将其纳入失信被执行人名单。',
    ],
    person: [
      '被执行人在民间借贷纠纷一案中，经{court}判决应偿还借款本金及利息共计{amountText}，执行过程中有履行能力而拒不履行，并违反财产报告制度，被依法纳入失信被执行人名单。',
      '被执行人在买卖合同纠纷一案中应支付货款{amountText}，法院执行中发现其转移财产、规避执行，经{court}依法认定，纳入失信被执行人名单并限制高消费。',
      '被执行人在机动车交通事故责任纠纷一案中，经法院判决应赔偿对方各项损失{amountText}，其有履行能力而拒不履行生效法律文书确定的义务，被依法纳入失信被执行人名单。',
    ],
  },
  拖欠农民工工资: {
    org: [
      '该单位承建的{project}项目拖欠{workers}名农民工工资共计{amountText}，经人力资源和社会保障部门责令限期支付后逾期仍未支付，情节严重，被列入拖欠农民工工资失信联合惩戒对象名单。',
      '该单位作为{project}项目劳务分包单位，克扣、无故拖欠{workers}名农民工工资{amountText}，经劳动保障监察部门调查核实后拒不整改，被依法列入失信联合惩戒对象名单。',
    ],
    person: [
      '该人员作为不具备用工主体资格的包工头，承包{project}劳务作业后拖欠{workers}名农民工工资{amountText}，经责令限期支付后逾期未付，被依法列入拖欠农民工工资失信联合惩戒对象名单。',
      '该人员以劳务班组名义招用农民工参与{project}施工，拖欠{workers}名农民工工资{amountText}后逃匿，经劳动保障监察部门查实，被依法列入失信联合惩戒对象名单。',
    ],
  },
  食品药品安全: {
    org: [
      '经抽检，该经营者销售的{product}检出{issue}，不符合食品安全国家标准，被依法没收违法所得并处罚款{amountText}，属于食品安全严重违法失信行为。',
      '该经营者使用超过保质期的食品原料加工制作{product}，且未建立进货查验记录，被群众举报后经市场监管部门查实，依法处以罚款{amountText}并责令停业整顿。',
      '该经营者在{product}生产加工过程中违规使用非食用物质，经市场监管部门立案调查，案值较大、情节严重，被依法处以罚款{amountText}，相关责任人员已移送公安机关处理。',
    ],
  },
  安全生产: {
    org: [
      '该企业安全生产主体责任落实不到位，于{month}发生一起{accident}事故，造成{n1}人受伤，经调查认定为生产安全责任事故，被依法处以罚款{amountText}，列入安全生产严重失信主体名单。',
      '该企业存在重大事故隐患且拒不执行停产停业整顿指令，擅自组织生产，被应急管理部门依法处以罚款{amountText}，列入安全生产严重失信主体名单。',
      '该企业未按规定开展安全生产教育培训，特种作业人员无证上岗，在执法检查中被查实后拒不整改，被依法处以罚款{amountText}并列入安全生产严重失信主体名单。',
    ],
  },
  电信诈骗典型案例: {
    org: [
      '该单位违规为他人大量办理物联网卡和对公账户，未落实实名登记和风险核查制度，为电信网络诈骗团伙转移资金{amountText}提供了便利，被依法处罚并列入惩戒名单。',
      '该经营者明知他人用于实施电信网络诈骗，仍违规出售未实名登记的手机卡{n2}张，涉案金额{amountText}，被依法追究责任并列入惩戒名单。',
    ],
    person: [
      '该人员明知他人实施电信网络诈骗犯罪，仍出租、出售本人名下银行卡和手机卡{n1}张，为诈骗团伙转移资金{amountText}提供帮助，被依法追究刑事责任并列入惩戒名单。',
      '该人员参与“刷单返利”类电信网络诈骗，负责发展下线和转移赃款，涉案金额{amountText}，经人民法院判决构成诈骗罪，被依法列入惩戒名单。',
      '该人员为境外诈骗团伙招募“跑分”人员，利用他人账户转移诈骗资金{amountText}，被依法追究刑事责任，并被列入电信网络诈骗惩戒名单。',
    ],
  },
};

export const PROJECTS = ['江北区滨江花园二期', '临湖区湖滨安置房', '青山区枫岭学校改扩建', '东湖新区科创园三号楼', '江南区长湖路道路改造', '临湖镇美丽乡村提升', '江北区柳林物流园仓库'];
export const FOOD_PRODUCTS = ['卤牛肉', '凉拌菜', '鲜湿米粉', '豆芽', '散装白酒', '糕点', '油炸食品', '保健食品'];
export const FOOD_ISSUES = ['亚硝酸盐超标', '大肠菌群超标', '铅含量超标', '非法添加物质', '防腐剂超量使用', '过氧化值超标'];
export const ACCIDENTS = ['机械伤害', '高处坠落', '物体打击', '起重伤害', '触电', '火灾'];
