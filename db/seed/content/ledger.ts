// The ledger's demo setting for 江城市: responsible units, categories and the 2026 working-day calendar.
// Everything is invented apart from the public holiday arrangement.
import { CITY, DISTRICTS } from './city';
import type { UnitKind } from '../../../lib/enums';

export type SeedUnit = { name: string; kind: UnitKind; parent?: string; areas: string[] };

/** 市直部门: the city's departments that answer for their fields city-wide. */
export const CITY_DEPARTMENTS = {
  urban: `${CITY}城市管理执法局`,
  housing: `${CITY}住房和城乡建设局`,
  traffic: `${CITY}公安局交通管理支队`,
  environment: `${CITY}生态环境局`,
  market: `${CITY}市场监督管理局`,
  parks: `${CITY}园林和林业局`,
  transport: `${CITY}交通运输局`,
  water: `${CITY}水务局`,
  culture: `${CITY}文化和旅游局`,
  commerce: `${CITY}商务局`,
} as const;

/** Communities that have their own handler (社区/村 units), with two grids each. */
const COMMUNITY_UNITS = ['新苑社区', '北岸社区', '湖滨社区', '松林社区', '科创社区'];

/** 包联单位: city bodies paired with a street to help it (包联), answering for a few grids. */
const PAIRED_UNITS: SeedUnit[] = [
  { name: `${CITY}财政局（包联长湖街道）`, kind: '包联单位', parent: '长湖街道办事处', areas: [] },
  { name: `${CITY}教育局（包联柳林街道）`, kind: '包联单位', parent: '柳林街道办事处', areas: [] },
  { name: `${CITY}卫生健康委员会（包联湖光街道）`, kind: '包联单位', parent: '湖光街道办事处', areas: [] },
];

const streetUnitName = (street: string) => (street.endsWith('镇') ? `${street}人民政府` : `${street}办事处`);

/** About 30 units: 10 departments, 15 streets and towns (areas: their communities), 5 communities (their grids), 3 paired units. */
export function seedUnits(): SeedUnit[] {
  const departments: SeedUnit[] = Object.values(CITY_DEPARTMENTS).map((name) => ({ name, kind: '市直部门', areas: [] }));
  const streets: SeedUnit[] = DISTRICTS.flatMap((d) => d.streets.map((s): SeedUnit => ({ name: streetUnitName(s.name), kind: '街道/乡镇', areas: [...s.communities] })));
  const communities: SeedUnit[] = COMMUNITY_UNITS.map((community) => {
    const street = DISTRICTS.flatMap((d) => d.streets).find((s) => s.communities.includes(community))!;
    return { name: `${street.name}${community}居民委员会`, kind: '社区/村', parent: streetUnitName(street.name), areas: [`${community}第一网格`, `${community}第二网格`] };
  });
  return [...departments, ...streets, ...communities, ...PAIRED_UNITS];
}

export type SeedCategory = { name: string; defaultUnit: string; deadlineDays: number; urgentHours: number; photosPublic: boolean };

export const SEED_CATEGORIES: SeedCategory[] = [
  { name: '环境卫生', defaultUnit: CITY_DEPARTMENTS.urban, deadlineDays: 5, urgentHours: 24, photosPublic: true },
  { name: '市容秩序', defaultUnit: CITY_DEPARTMENTS.urban, deadlineDays: 5, urgentHours: 24, photosPublic: true },
  { name: '交通秩序', defaultUnit: CITY_DEPARTMENTS.traffic, deadlineDays: 3, urgentHours: 12, photosPublic: true },
  { name: '公共设施', defaultUnit: CITY_DEPARTMENTS.housing, deadlineDays: 7, urgentHours: 48, photosPublic: true },
  { name: '公益广告', defaultUnit: CITY_DEPARTMENTS.culture, deadlineDays: 5, urgentHours: 24, photosPublic: true },
  { name: '小区楼道', defaultUnit: CITY_DEPARTMENTS.housing, deadlineDays: 5, urgentHours: 24, photosPublic: true },
  { name: '农贸市场', defaultUnit: CITY_DEPARTMENTS.market, deadlineDays: 5, urgentHours: 24, photosPublic: true },
  // Report the place, not the person: photos of this category are never published.
  { name: '不文明行为', defaultUnit: CITY_DEPARTMENTS.urban, deadlineDays: 3, urgentHours: 12, photosPublic: false },
];

/**
 * China's public holidays of 2026 and the weekend days worked instead (调休), from the State Council
 * General Office's notice on the 2026 holiday arrangement, 国办发明电〔2025〕7号 (《国务院办公厅关于2026年
 * 部分节假日安排的通知》): 元旦 Jan 1-3 (Sun Jan 4 worked); 春节 Feb 15-23 (Sat Feb 14 and Sat Feb 28
 * worked); 清明 Apr 4-6; 劳动节 May 1-5 (Sat May 9 worked); 端午 Jun 19-21; 中秋 Sep 25-27; 国庆 Oct 1-7
 * (Sun Sep 20 and Sat Oct 10 worked). Checked day by day against the notice. Weekend days of a break are
 * listed too, so the settings page shows each break whole. Other years are not seeded: admins enter each
 * year's notice at /admin/ledger/calendar (and can correct any day there).
 */
export function calendar2026(): { date: string; kind: 'holiday' | 'workday'; note: string }[] {
  const range = (from: string, to: string, note: string) => {
    const days: { date: string; kind: 'holiday'; note: string }[] = [];
    for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) {
      days.push({ date: d.toISOString().slice(0, 10), kind: 'holiday', note });
    }
    return days;
  };
  const work = (date: string, note: string) => ({ date, kind: 'workday' as const, note });
  return [
    ...range('2026-01-01', '2026-01-03', '元旦'),
    work('2026-01-04', '元旦调休上班'),
    work('2026-02-14', '春节调休上班'),
    ...range('2026-02-15', '2026-02-23', '春节'),
    work('2026-02-28', '春节调休上班'),
    ...range('2026-04-04', '2026-04-06', '清明节'),
    ...range('2026-05-01', '2026-05-05', '劳动节'),
    work('2026-05-09', '劳动节调休上班'),
    ...range('2026-06-19', '2026-06-21', '端午节'),
    work('2026-09-20', '国庆节调休上班'),
    ...range('2026-09-25', '2026-09-27', '中秋节'),
    ...range('2026-10-01', '2026-10-07', '国庆节'),
    work('2026-10-10', '国庆节调休上班'),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/** Invented problem descriptions per category: what a citizen or an inspector would write. */
export const PROBLEM_TEXTS: Record<string, readonly string[]> = {
  环境卫生: [
    '路边绿化带里堆着几袋生活垃圾，已经好几天没人清理，天热有异味。',
    '垃圾分类亭旁边的厨余垃圾桶满了溢出来，周边地面很脏。',
    '人行道上有一片油污，下雨天很滑，老人走路容易摔倒。',
    '河道边的护栏下面漂着塑料瓶和泡沫，影响水面整洁。',
    '公厕洗手池堵塞，地面积水，卫生状况较差。',
  ],
  市容秩序: [
    '商铺把货架摆到人行道上，行人只能绕到非机动车道走。',
    '夜市收摊后桌椅没有收走，占用了盲道。',
    '沿街立面的旧招牌松动，有一角垂下来，刮风时晃动。',
    '小区门口有流动摊贩长期占道经营，早晚高峰很拥堵。',
    '墙面上有大量小广告，刚清理过又贴上了。',
  ],
  交通秩序: [
    '路口的非机动车经常闯红灯，和右转车辆抢行。',
    '学校门口接送时段车辆乱停，堵住了公交站台。',
    '人行横道的斑马线磨损严重，晚上几乎看不清。',
    '共享单车堆在地铁口出入口，占了大半个通道。',
    '路口的信号灯倒计时显示不全，司机容易误判。',
  ],
  公共设施: [
    '公园步道旁的路灯有三盏不亮，晚上散步的人很多，存在安全隐患。',
    '公交站的候车座椅坏了一块，断口比较锋利。',
    '人行道上的井盖松动，踩上去会响，有翘起的危险。',
    '健身器材的扶手断裂，还有孩子在上面玩。',
    '盲道被破损的地砖隔断，视障人士无法连续通行。',
  ],
  公益广告: [
    '围挡上的公益广告画面褪色破损，有几块已经脱落。',
    '路口的文明宣传牌被树枝遮挡，内容看不清。',
    '公益广告灯箱的灯管坏了，晚上一片漆黑。',
    '宣传栏里的内容还是去年的，没有及时更新。',
  ],
  小区楼道: [
    '楼道里堆放了旧家具和纸箱，堵住了消防通道。',
    '单元楼的声控灯坏了很久，晚上上下楼看不见台阶。',
    '电动车停在楼道里充电，飞线穿过窗户，存在火灾隐患。',
    '小区消防栓的箱门坏了，里面的水带不见了。',
    '楼顶平台堆满杂物，物业一直没有清理。',
  ],
  农贸市场: [
    '市场内的排水沟堵塞，地面积水发臭。',
    '水产区的摊位把污水直接倒在过道上。',
    '市场门口的电子秤公示屏不亮，无法复核重量。',
    '活禽区没有按要求隔离，气味很大。',
  ],
  不文明行为: [
    '每天傍晚有人在小区花坛里遛狗不牵绳，也不清理粪便。',
    '有车辆在公园门口长时间鸣笛，影响周边居民休息。',
    '江边步道上有人随地吐痰、乱扔烟头。',
    '广场上有人在禁烟区域吸烟，劝阻无效。',
  ],
};

/** What units write when they submit (each at least 20 characters, never copied from one item to the next). */
export const FIX_NOTES: readonly string[] = [
  '已安排专人到现场清理，并在周边增加了巡查频次，整改后照片已上传。',
  '已联系责任商户当面约谈，物品已全部搬回店内，后续纳入日常巡查。',
  '已更换损坏部件并做了安全检查，经现场测试可以正常使用。',
  '已组织人员重新施划标线，并在路口增设提示牌，请市民注意通行安全。',
  '已对楼道杂物全部清运，并张贴了消防通道禁止堆放的提示。',
  '已疏通排水沟并清洗地面，市场管理方承诺每日收市后冲洗一次。',
  '已拆除破损的宣传画面，新画面已制作完成并安装到位。',
  '已在现场设置劝导点，连续一周安排志愿者值守，情况明显好转。',
];

export const RETURN_REASONS: readonly string[] = [
  '该路段属于相邻街道管辖范围，请改派至对应街道办事处。',
  '问题涉及的设施产权不属于本单位，建议交由主管部门处理。',
];

export const REJECT_REASONS: readonly string[] = [
  '经核实，反映的位置不在本市管辖范围内，已告知相关地区。',
  '描述内容不够具体，无法确定问题位置，欢迎补充后重新提交。',
];
