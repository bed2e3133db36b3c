// The fictional city 江城市: districts, streets, communities, places, names and public bodies.
// Everything here is invented; region codes only give the credit codes and ID numbers their shape.

export const CITY = '江城市';
export const CITY_SHORT = '江城';

export interface Street {
  name: string;
  communities: string[];
}

export interface District {
  name: string;
  /** Six-digit administrative code used inside generated credit codes and ID numbers. */
  code: string;
  streets: Street[];
}

export const DISTRICTS: District[] = [
  {
    name: '江南区',
    code: '420102',
    streets: [
      { name: '长湖街道', communities: ['新苑社区', '桂花园社区', '临江社区'] },
      { name: '中山路街道', communities: ['民主社区', '梧桐里社区', '文昌社区'] },
      { name: '南湖街道', communities: ['南湖花园社区', '书香苑社区'] },
    ],
  },
  {
    name: '江北区',
    code: '420103',
    streets: [
      { name: '北岸街道', communities: ['北岸社区', '码头社区', '铁路新村社区'] },
      { name: '汉江路街道', communities: ['汉江社区', '和平里社区'] },
      { name: '柳林街道', communities: ['柳林社区', '金桥社区', '春晖社区'] },
    ],
  },
  {
    name: '临湖区',
    code: '420104',
    streets: [
      { name: '湖滨街道', communities: ['湖滨社区', '渔港社区'] },
      { name: '白沙洲街道', communities: ['白沙社区', '荷塘社区', '新村社区'] },
      { name: '临湖镇', communities: ['莲花村', '湖心村', '杨柳湾村'] },
    ],
  },
  {
    name: '青山区',
    code: '420105',
    streets: [
      { name: '松林街道', communities: ['松林社区', '翠微社区'] },
      { name: '枫岭街道', communities: ['枫岭社区', '石桥社区', '向阳社区'] },
      { name: '青山镇', communities: ['竹园村', '茶岭村'] },
    ],
  },
  {
    name: '东湖新区',
    code: '420106',
    streets: [
      { name: '湖光街道', communities: ['湖光社区', '科创社区'] },
      { name: '云湖街道', communities: ['云湖社区', '樱花苑社区', '学府社区'] },
      { name: '新城街道', communities: ['新城社区', '智谷社区'] },
    ],
  },
];

/** Roads, parks and venues of the city, for news text. */
export const ROADS = ['江城大道', '滨江路', '文明路', '和谐路', '长湖路', '青山路', '临湖大道', '创新大道', '解放路', '人民路'];
export const PLACES = ['临湖湿地公园', '青山森林公园', '江滩公园', '市民之家', '江城市图书馆', '南湖文化广场', '东湖新区体育中心'];

/** Common surnames, roughly by frequency; one compound surname so name masking meets it. */
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余',
  '杜', '叶', '程', '魏', '苏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石',
  '廖', '贾', '夏', '方', '熊', '邹', '秦', '邱', '江', '雷', '龙', '陶', '贺', '顾', '毛', '万', '严', '戴', '欧阳',
];

export const MALE_GIVEN = [
  '建国', '志强', '海涛', '卫东', '国庆', '俊杰', '浩然', '明辉', '文博', '建华', '德明', '振华', '晓东', '立新', '宏伟',
  '子豪', '天宇', '家乐', '春生', '大勇', '长林', '水生', '正刚', '世平', '少华', '国平', '伟', '强', '军', '磊', '涛',
  '斌', '鹏', '杰', '勇', '新民', '红军', '永胜', '金山', '学文', '志明', '浩宇', '一鸣', '思远', '庆丰', '汉生',
];

export const FEMALE_GIVEN = [
  '秀英', '桂兰', '淑珍', '丽华', '红梅', '晓燕', '春梅', '玉兰', '美玲', '静', '敏', '丽', '婷', '娟', '雪梅', '海燕',
  '慧敏', '雅琴', '佳怡', '梦婷', '欣怡', '思雨', '凤英', '素芬', '月娥', '玉珍', '金凤', '小红', '芳', '琳', '倩', '晓雯',
  '丹', '秋菊', '冬梅', '雨欣', '文静', '爱华',
];

/** Media and bodies that appear as news sources (来源). */
export const MEDIA = ['江城日报', '江城晚报', '江城广播电视台', '江城新闻网'];
export const CITY_OFFICES = {
  civilization: '江城市文明办',
  campaign: '江城市创建全国文明城市工作指挥部办公室',
  volunteers: '江城市志愿服务联合会',
  practiceCenter: '江城市新时代文明实践中心',
  propaganda: '中共江城市委宣传部',
} as const;

/** Deciding authorities (认定部门) of the credit lists. */
export const AUTHORITIES = {
  intermediateCourt: '江城市中级人民法院',
  hrss: '江城市人力资源和社会保障局',
  market: '江城市市场监督管理局',
  emergency: '江城市应急管理局',
  police: '江城市公安局',
  commerce: '江城市商务局',
  tax: '国家税务总局江城市税务局',
  civilization: '江城市文明办',
} as const;

/** District courts: "江城市江南区人民法院" with its case-number code "江0102". */
export function districtCourt(district: District): { name: string; caseCode: string } {
  return { name: `${CITY}${district.name}人民法院`, caseCode: `江${district.code.slice(2)}` };
}
