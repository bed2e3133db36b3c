// Drawn illustrations for the demo data set: flat SVG scenes for article covers (one theme per news tag, two
// variants each) and portrait figures for 好人 (one per category and gender). They are drawn here because the
// demo must not download anything and must never pass a real person's photo off as a 好人. Every one is
// described as 示意图 (illustration) in its alt text. No text inside the pictures: fonts differ by machine.
// server/demo-images.ts rasterises them with sharp and stores them through the media library.
import { GOOD_PERSON_CATEGORIES, GENDERS, type GoodPersonCategory } from '../../lib/enums';
import { NEWS_TAGS, type NewsTag } from './content/news-titles';

export type Illustration = {
  /** Stable name of the picture (also the media library's original file name). */
  name: string;
  svg: string;
  /** The alt text: what the picture shows, marked 示意图. */
  alt: string;
};

const COVER_W = 1200;
const COVER_H = 675;
const PORTRAIT_W = 800;
const PORTRAIT_H = 600;

const svg = (w: number, h: number, body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`;

/** Two palettes per theme: the variants differ in sky, ground and accent. */
const SKIES = [
  ['#fde8d7', '#fbd3b5'],
  ['#dcecf7', '#bcd9ee'],
] as const;

function sky(variant: number): string {
  const [top, bottom] = SKIES[variant % 2]!;
  return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${COVER_W}" height="${COVER_H}" fill="url(#sky)"/>`;
}

function ground(color: string, y = 520): string {
  return `<rect y="${y}" width="${COVER_W}" height="${COVER_H - y}" fill="${color}"/>`;
}

/** A standing figure: head, hair, body in `shirt`, legs; `vest` draws a volunteer's red vest. */
function figure(x: number, y: number, scale: number, shirt: string, opts: { vest?: boolean; hair?: string; long?: boolean; child?: boolean } = {}): string {
  const s = scale * (opts.child ? 0.7 : 1);
  const hair = opts.hair ?? '#2b2b2b';
  const longHair = opts.long ? `<path d="M-30 -150 q0 60 8 80 h44 q8 -20 8 -80 z" fill="${hair}"/>` : '';
  const vest = opts.vest ? `<path d="M-34 -96 h68 l6 96 h-80 z" fill="#d92b2b"/><path d="M-8 -96 h16 v50 h-16 z" fill="${shirt}"/>` : '';
  return `<g transform="translate(${x} ${y}) scale(${s})">
    <rect x="-26" y="0" width="20" height="90" rx="8" fill="#3b4a5a"/><rect x="6" y="0" width="20" height="90" rx="8" fill="#3b4a5a"/>
    <path d="M-40 -100 q40 -22 80 0 l8 110 h-96 z" fill="${shirt}"/>${vest}
    ${longHair}<circle cx="0" cy="-128" r="30" fill="#f2c7a5"/>
    <path d="M-31 -132 q4 -32 31 -32 q27 0 31 32 q-16 -14 -31 -14 q-15 0 -31 14 z" fill="${hair}"/>
  </g>`;
}

function sun(x: number, y: number, r: number, color = '#f7b733'): string {
  return `<circle cx="${x}" cy="${y}" r="${r}" fill="${color}" opacity="0.9"/>`;
}

function tree(x: number, y: number, s: number, leaf = '#4c9a5a'): string {
  return `<g transform="translate(${x} ${y}) scale(${s})"><rect x="-8" y="-20" width="16" height="70" fill="#8b5a3c"/><circle cx="0" cy="-60" r="52" fill="${leaf}"/><circle cx="-34" cy="-30" r="34" fill="${leaf}"/><circle cx="34" cy="-30" r="34" fill="${leaf}"/></g>`;
}

function skyline(variant: number): string {
  const colors = variant % 2 ? ['#8fb3cf', '#6f97b8', '#a9c4da'] : ['#e0a98a', '#c98a6c', '#efc3a8'];
  const heights = variant % 2 ? [260, 340, 220, 400, 300, 250, 360, 280] : [300, 220, 380, 260, 420, 240, 330, 270];
  let out = '';
  heights.forEach((h, i) => {
    const x = 40 + i * 142;
    const color = colors[i % colors.length]!;
    out += `<rect x="${x}" y="${520 - h}" width="120" height="${h}" fill="${color}"/>`;
    for (let row = 0; row < Math.floor(h / 50) - 1; row++) {
      for (let col = 0; col < 3; col++) out += `<rect x="${x + 16 + col * 34}" y="${520 - h + 24 + row * 50}" width="20" height="26" fill="#fff" opacity="0.55"/>`;
    }
  });
  return out;
}

function heart(x: number, y: number, s: number, color = '#d92b2b'): string {
  return `<path transform="translate(${x} ${y}) scale(${s})" d="M0 30 C-60 -10 -30 -60 0 -30 C30 -60 60 -10 0 30 z" fill="${color}"/>`;
}

function book(x: number, y: number, w: number, color: string): string {
  return `<g transform="translate(${x} ${y})"><path d="M0 0 q${w / 2} -30 ${w} 0 v90 q-${w / 2} -30 -${w} 0 z" fill="#fff" stroke="${color}" stroke-width="8"/><path d="M${w} 0 q${w / 2} -30 ${w} 0 v90 q-${w / 2} -30 -${w} 0 z" fill="#fff" stroke="${color}" stroke-width="8"/><path d="M${w} 0 v90" stroke="${color}" stroke-width="6"/></g>`;
}

function lantern(x: number, y: number, s: number): string {
  return `<g transform="translate(${x} ${y}) scale(${s})"><path d="M0 -70 v20" stroke="#8b5a3c" stroke-width="4"/><ellipse cx="0" cy="0" rx="48" ry="56" fill="#d92b2b"/><rect x="-20" y="-58" width="40" height="10" fill="#f7b733"/><rect x="-20" y="48" width="40" height="10" fill="#f7b733"/><path d="M0 58 v34" stroke="#f7b733" stroke-width="6"/></g>`;
}

type Scene = { describe: string; draw: (variant: number) => string };

/** One theme per news tag: what the cover shows (for its alt text) and how it is drawn. */
const SCENES: Record<NewsTag, Scene> = {
  文明城市创建: {
    describe: '城市天际线与朝阳',
    draw: (v) => sky(v) + sun(v ? 960 : 240, 150, 80) + skyline(v) + ground(v ? '#7a9e7e' : '#9c8c6c') + `<rect y="560" width="${COVER_W}" height="40" fill="#d92b2b"/>` + tree(120, 620, 0.8) + tree(1080, 620, 0.8),
  },
  文明实践: {
    describe: '文明实践站门前的居民',
    draw: (v) =>
      sky(v) +
      ground('#c8b48a', 500) +
      `<rect x="330" y="220" width="540" height="280" fill="#f4ede1" stroke="#b3161c" stroke-width="10"/><path d="M300 230 L600 100 L900 230 z" fill="#b3161c"/><rect x="550" y="360" width="100" height="140" fill="#8b5a3c"/><rect x="390" y="290" width="110" height="80" fill="#bcd9ee"/><rect x="700" y="290" width="110" height="80" fill="#bcd9ee"/><path d="M600 100 v-70" stroke="#555" stroke-width="5"/><path d="M600 32 h70 v40 h-70 z" fill="#d92b2b"/>` +
      figure(v ? 200 : 1000, 560, 1, '#3b7dd8') +
      figure(v ? 1000 : 200, 560, 1, '#e38b2c', { long: true }) +
      figure(v ? 1090 : 110, 560, 1, '#6aa84f', { child: true }),
  },
  志愿服务: {
    describe: '身穿红马甲的志愿者在社区服务',
    draw: (v) => sky(v) + ground('#9cc59a') + heart(600, 150, 1.6) + figure(380, 560, 1.2, '#f4f4f4', { vest: true }) + figure(600, 560, 1.2, '#f4f4f4', { vest: true, long: true }) + figure(820, 560, 1.2, '#f4f4f4', { vest: true, hair: v ? '#6b4a2b' : '#2b2b2b' }) + tree(110, 600, 0.9) + tree(1090, 600, 0.9),
  },
  诚信建设: {
    describe: '诚信经营的街边商铺',
    draw: (v) =>
      sky(v) +
      ground('#cfc6b4') +
      `<rect x="200" y="200" width="800" height="320" fill="#fff7ea" stroke="#8b5a3c" stroke-width="8"/><path d="M180 200 h840 l-40 -70 h-760 z" fill="${v ? '#2f7d5b' : '#b3161c'}"/><path d="M180 200 h840" stroke="#fff" stroke-width="6" stroke-dasharray="60 30"/><rect x="260" y="290" width="240" height="160" fill="#bcd9ee"/><rect x="700" y="290" width="200" height="230" fill="#8b5a3c"/>` +
      `<g transform="translate(600 300)"><path d="M0 -60 l70 26 v44 q0 60 -70 90 q-70 -30 -70 -90 v-44 z" fill="#f7b733"/><path d="M-30 10 l22 24 l42 -48" stroke="#fff" stroke-width="14" fill="none" stroke-linecap="round"/></g>` +
      figure(v ? 1080 : 130, 600, 1, '#3b7dd8'),
  },
  垃圾分类: {
    describe: '四色分类垃圾桶',
    draw: (v) => {
      const bins = ['#2f6fbf', '#d92b2b', '#2f9e55', '#6c6c6c'];
      let out = sky(v) + ground('#d8d2c4');
      bins.forEach((color, i) => {
        const x = 210 + i * 210;
        out += `<rect x="${x}" y="260" width="160" height="250" rx="14" fill="${color}"/><rect x="${x - 12}" y="236" width="184" height="34" rx="10" fill="${color}"/><rect x="${x + 50}" y="224" width="60" height="16" rx="6" fill="${color}"/><path d="M${x + 80} 330 l30 50 h-60 z" fill="none" stroke="#fff" stroke-width="10" stroke-linejoin="round"/>`;
      });
      return out + tree(90, 600, 0.8) + tree(1110, 600, 0.8) + figure(v ? 1010 : 190, 600, 0.8, '#f4f4f4', { vest: true, child: false });
    },
  },
  文明交通: {
    describe: '斑马线与红绿灯前礼让行人',
    draw: (v) => {
      let out = sky(v) + `<rect y="400" width="${COVER_W}" height="275" fill="#5a5f66"/>`;
      for (let i = 0; i < 8; i++) out += `<rect x="${260 + i * 90}" y="440" width="56" height="210" fill="#f4f4f4"/>`;
      out += `<rect x="1010" y="120" width="24" height="300" fill="#444"/><rect x="975" y="100" width="94" height="220" rx="16" fill="#333"/><circle cx="1022" cy="140" r="26" fill="${v ? '#555' : '#e53935'}"/><circle cx="1022" cy="210" r="26" fill="#555"/><circle cx="1022" cy="280" r="26" fill="${v ? '#43a047' : '#555'}"/>`;
      out += `<g transform="translate(${v ? 120 : 60} 330)"><rect width="220" height="110" rx="24" fill="#f7b733"/><rect x="20" y="20" width="70" height="40" fill="#bcd9ee"/><rect x="110" y="20" width="70" height="40" fill="#bcd9ee"/><circle cx="50" cy="112" r="24" fill="#222"/><circle cx="180" cy="112" r="24" fill="#222"/></g>`;
      return out + figure(560, 560, 1, '#e38b2c', { long: true }) + figure(660, 560, 1, '#3b7dd8', { child: true });
    },
  },
  未成年人思想道德建设: {
    describe: '孩子们在校园里读书',
    draw: (v) =>
      sky(v) +
      ground('#9cc59a', 500) +
      `<rect x="380" y="200" width="440" height="300" fill="#f4ede1" stroke="#b3161c" stroke-width="8"/><path d="M360 210 L600 110 L840 210 z" fill="#b3161c"/><circle cx="600" cy="260" r="34" fill="#fff" stroke="#b3161c" stroke-width="6"/><path d="M600 240 v20 h14" stroke="#b3161c" stroke-width="5" fill="none"/><rect x="560" y="390" width="80" height="110" fill="#8b5a3c"/>` +
      figure(210, 600, 1, '#e38b2c', { child: true }) +
      figure(310, 600, 1, '#3b7dd8', { child: true, long: true }) +
      figure(900, 600, 1, '#6aa84f', { child: true }) +
      book(980, 540, 60, v ? '#2f6fbf' : '#b3161c'),
  },
  移风易俗: {
    describe: '红灯笼与简朴的婚礼宴席',
    draw: (v) =>
      `<rect width="${COVER_W}" height="${COVER_H}" fill="${v ? '#fbe3d3' : '#fdf0e2'}"/>` +
      lantern(250, 170, 1.1) +
      lantern(950, 170, 1.1) +
      lantern(600, 120, 0.8) +
      `<rect y="470" width="${COVER_W}" height="205" fill="#c98a6c"/><ellipse cx="600" cy="470" rx="330" ry="46" fill="#b3161c"/><rect x="460" y="470" width="280" height="120" fill="#9e1e1e"/>` +
      figure(420, 600, 0.9, '#d92b2b', { long: true }) +
      figure(780, 600, 0.9, '#2b2b2b'),
  },
  文明餐桌: {
    describe: '光盘行动：餐盘、碗和筷子',
    draw: (v) =>
      `<rect width="${COVER_W}" height="${COVER_H}" fill="${v ? '#f3ead8' : '#eef3e6'}"/><rect y="380" width="${COVER_W}" height="295" fill="#c98a6c"/>` +
      `<ellipse cx="480" cy="430" rx="230" ry="90" fill="#fff" stroke="#ddd" stroke-width="6"/><ellipse cx="480" cy="420" rx="150" ry="54" fill="#f4f4f4"/>` +
      `<path d="M760 330 h240 q-10 120 -120 120 q-110 0 -120 -120 z" fill="#fff" stroke="#ddd" stroke-width="6"/><path d="M770 300 q110 -40 220 0" stroke="#f7b733" stroke-width="10" fill="none"/>` +
      `<rect x="250" y="250" width="12" height="300" rx="6" transform="rotate(-20 256 400)" fill="#8b5a3c"/><rect x="280" y="250" width="12" height="300" rx="6" transform="rotate(-16 286 400)" fill="#8b5a3c"/>` +
      heart(1000, 170, 1.2, '#2f9e55'),
  },
  全民阅读: {
    describe: '翻开的书本和台灯',
    draw: (v) =>
      `<rect width="${COVER_W}" height="${COVER_H}" fill="${v ? '#e4eef6' : '#f6ecdf'}"/><rect y="470" width="${COVER_W}" height="205" fill="#8b5a3c"/>` +
      book(330, 370, 260, v ? '#2f6fbf' : '#b3161c') +
      `<rect x="180" y="420" width="120" height="50" fill="#2f9e55"/><rect x="190" y="380" width="110" height="40" fill="#f7b733"/><rect x="175" y="340" width="130" height="40" fill="#2f6fbf"/>` +
      `<path d="M960 470 v-220" stroke="#444" stroke-width="14"/><path d="M880 260 h160 l-40 -110 h-80 z" fill="#f7b733"/><ellipse cx="960" cy="470" rx="80" ry="16" fill="#444"/><path d="M900 270 l-60 120 h240 l-60 -120 z" fill="#fff3c4" opacity="0.6"/>`,
  },
  环境整治: {
    describe: '绿树成荫、干净整洁的街道和河岸',
    draw: (v) =>
      sky(v) +
      sun(v ? 1000 : 200, 130, 70) +
      `<path d="M0 430 q300 -60 600 0 t600 0 v245 h-1200 z" fill="#8ec3e6"/><path d="M0 500 h1200 v175 h-1200 z" fill="#9cc59a"/><path d="M0 560 h1200 v50 h-1200 z" fill="#d8d2c4"/>` +
      tree(120, 520, 1) +
      tree(360, 520, 0.9, '#5aa86a') +
      tree(840, 520, 0.9, '#5aa86a') +
      tree(1080, 520, 1) +
      figure(600, 640, 0.8, '#f4f4f4', { vest: true }),
  },
};

/** Cover picture names, `cover-<tag index>-<variant>`. */
export function coverName(tag: NewsTag, variant: number): string {
  return `cover-${NEWS_TAGS.indexOf(tag)}-${variant % 2}`;
}

export function demoCovers(): Illustration[] {
  return NEWS_TAGS.flatMap((tag) =>
    [0, 1].map((variant) => ({
      name: coverName(tag, variant),
      svg: svg(COVER_W, COVER_H, SCENES[tag].draw(variant)),
      alt: `示意图：${SCENES[tag].describe}（插画）`,
    })),
  );
}

/** The badge that stands for a 好人 category in a portrait. */
const BADGES: Record<GoodPersonCategory, { color: string; draw: string }> = {
  助人为乐: { color: '#d92b2b', draw: heart(0, 0, 0.9, '#fff') },
  见义勇为: { color: '#2f6fbf', draw: '<path d="M0 -40 l36 14 v24 q0 34 -36 50 q-36 -16 -36 -50 v-24 z" fill="#fff"/>' },
  诚实守信: { color: '#2f9e55', draw: '<path d="M-26 2 l16 18 l36 -40" stroke="#fff" stroke-width="12" fill="none" stroke-linecap="round"/>' },
  敬业奉献: { color: '#e38b2c', draw: '<path d="M0 -40 l11 26 h28 l-22 17 l9 28 l-26 -17 l-26 17 l9 -28 l-22 -17 h28 z" fill="#fff"/>' },
  孝老爱亲: { color: '#8e5bb5', draw: '<path d="M-34 10 v30 h68 v-30 M-44 14 l44 -40 l44 40" stroke="#fff" stroke-width="10" fill="none" stroke-linejoin="round"/>' },
};

const PORTRAIT_BACKGROUNDS = ['#fde8d7', '#dcecf7', '#e6f2e1', '#f6ecdf', '#efe4f4'];

/** A 好人 portrait: a person drawn from the chest up, with the category's badge. */
function portraitSvg(category: GoodPersonCategory, gender: (typeof GENDERS)[number]): string {
  const index = GOOD_PERSON_CATEGORIES.indexOf(category);
  const badge = BADGES[category];
  const female = gender === '女';
  const hair = index % 2 ? '#2b2b2b' : '#4a3525';
  const shirt = ['#3b7dd8', '#e38b2c', '#2f9e55', '#b3161c', '#6b6b6b'][index]!;
  const longHair = female ? `<path d="M300 150 q-10 170 20 250 h160 q30 -80 20 -250 z" fill="${hair}"/>` : '';
  return svg(
    PORTRAIT_W,
    PORTRAIT_H,
    `<rect width="${PORTRAIT_W}" height="${PORTRAIT_H}" fill="${PORTRAIT_BACKGROUNDS[index]}"/>` +
      `<circle cx="400" cy="300" r="250" fill="#fff" opacity="0.45"/>` +
      longHair +
      `<path d="M190 600 q20 -190 210 -200 q190 10 210 200 z" fill="${shirt}"/><path d="M360 400 l40 60 l40 -60" fill="#fff"/>` +
      `<rect x="370" y="330" width="60" height="70" fill="#f2c7a5"/><ellipse cx="400" cy="250" rx="92" ry="108" fill="#f2c7a5"/>` +
      `<path d="M306 236 q0 -110 94 -112 q94 2 94 112 q-40 -56 -94 -58 q-54 2 -94 58 z" fill="${hair}"/>` +
      `<circle cx="366" cy="262" r="9" fill="#3b3b3b"/><circle cx="434" cy="262" r="9" fill="#3b3b3b"/><path d="M374 310 q26 20 52 0" stroke="#b5653f" stroke-width="7" fill="none" stroke-linecap="round"/>` +
      `<g transform="translate(640 130)"><circle r="70" fill="${badge.color}"/>${badge.draw}</g>`,
  );
}

export function portraitName(category: GoodPersonCategory, gender: (typeof GENDERS)[number]): string {
  return `portrait-${GOOD_PERSON_CATEGORIES.indexOf(category)}-${gender === '女' ? 'f' : 'm'}`;
}

export function demoPortraits(): Illustration[] {
  return GOOD_PERSON_CATEGORIES.flatMap((category) =>
    GENDERS.map((gender) => ({
      name: portraitName(category, gender),
      svg: portraitSvg(category, gender),
      alt: `示意图：${category}人物插画（非本人照片）`,
    })),
  );
}
