// Demo news: channels and articles, all dated relative to `today`.
import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../client';
import { newsArticles, newsChannels, newsDailyViews } from '../schema';
import { addDays, cityDay } from '../../lib/dates';
import { CITY_OFFICES, DISTRICTS, MEDIA, PLACES, ROADS } from './content/city';
import { CHANNELS, HIDDEN_TEMPLATES, NEWS_TEMPLATES, type ChannelSlug, type NewsTemplate } from './content/news-titles';
import {
  CHANNEL_CLOSINGS,
  NEWS_TOPICS,
  NOTICE_BACKGROUND,
  NOTICE_CONTACT,
  NOTICE_CREDIT_SECTIONS,
  NOTICE_PROBLEMS,
  NOTICE_PUBLICITY,
  NOTICE_REQUIREMENTS,
  NOTICE_STAGES,
} from './content/news-topics';
import { at, fullDateText, insertRows, monthDayText, monthOf, NamePool, pickPlace, yearOf } from './common';
import { createRng, type Rng } from './random';
import { assertLength, charLength, fill, htmlText, type Vars } from './template';

type ArticleRow = typeof newsArticles.$inferInsert;

const FESTIVALS = ['春节', '春节', '清明', '清明', '端午', '端午', '七夕', '七夕', '中秋', '重阳', '重阳', '冬至'];

const p = (text: string) => `<p>${text}</p>`;
const h2 = (text: string) => `<h2>${text}</h2>`;
const ul = (items: string[]) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
const table = (head: string[], rows: (string | number)[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

function articleVars(rng: Rng, publishDay: string): Vars {
  const place = pickPlace(rng);
  return {
    year: yearOf(publishDay),
    dateText: monthDayText(addDays(publishDay, -rng.int(0, 2))),
    district: place.district.name,
    street: place.street,
    community: place.community,
    place: rng.pick(PLACES),
    road: rng.pick(ROADS),
    festival: FESTIVALS[monthOf(publishDay) - 1]!,
    media: rng.pick(MEDIA),
    n1: rng.int(8, 48),
    n2: rng.int(120, 860),
    n3: rng.int(1200, 9800),
    pct: rng.int(86, 99),
    wan: rng.int(30, 60),
  };
}

/** 50-100 characters from the opening paragraph, cut at a sentence end where possible. */
function summaryOf(open: string): string {
  const sentences = open.split(/(?<=。)/);
  let summary = '';
  for (const s of sentences) {
    if (charLength(summary) >= 50) break;
    summary += s;
  }
  if (charLength(summary) > 100) summary = Array.from(summary).slice(0, 97).join('') + '……';
  return assertLength('summary', summary, 50, 100);
}

interface Block {
  html: string;
  optional: boolean;
}

/** Fresh numbers for each paragraph, so that one figure is not repeated all over an article. */
function renumber(rng: Rng, vars: Vars): Vars {
  return { ...vars, n1: rng.int(8, 48), n2: rng.int(120, 860), n3: rng.int(1200, 9800), pct: rng.int(86, 99) };
}

function noticeBody(rng: Rng, tpl: NewsTemplate, title: string, vars: Vars, publishDay: string, open: string): Block[] {
  const blocks: Block[] = [{ html: p(open), optional: false }];
  const topic = NEWS_TOPICS[tpl.tags[0]!];
  if (tpl.tags.includes('诚信建设')) {
    for (const section of NOTICE_CREDIT_SECTIONS) {
      blocks.push({ html: h2(section.heading) + (section.text ? p(section.text) : '') + (section.points ? ul(section.points) : ''), optional: false });
    }
  } else if (title.includes('通报')) {
    // 测评情况通报: scores per district, the problems found, what must be done.
    const rows = DISTRICTS.map((d) => [d.name, (rng.int(850, 965) / 10).toFixed(1), rng.int(3, 18)]);
    blocks.push({ html: h2('一、总体情况') + p('从测评情况看，各区创建工作总体推进有力，城市环境和公共秩序持续改善，但也存在一些薄弱环节。各区测评情况如下：') + table(['区', '测评得分', '发现问题（个）'], rows), optional: false });
    blocks.push({ html: h2('二、存在的主要问题') + ul(rng.sample(NOTICE_PROBLEMS, rng.int(3, 5))), optional: false });
    blocks.push({ html: h2('三、整改要求') + p(rng.pick(NOTICE_BACKGROUND)) + ul(rng.sample(NOTICE_REQUIREMENTS, 3)), optional: false });
  } else if (/评选|推荐/.test(title)) {
    blocks.push({ html: p(rng.pick(NOTICE_BACKGROUND)), optional: false });
    let day = publishDay;
    const rows = NOTICE_STAGES.map(([stage, content]) => {
      day = addDays(day, rng.int(10, 25));
      return [`${monthDayText(day)}前`, stage!, content!];
    });
    const schedule = rng.chance(0.6)
      ? table(['时间', '阶段', '主要内容'], rows)
      : ul(rows.map(([time, stage, content]) => `${stage}（${time}）：${content}`));
    blocks.push({ html: h2('一、工作安排') + schedule, optional: false });
    blocks.push({ html: h2('二、有关要求') + ul(rng.sample(NOTICE_REQUIREMENTS, rng.int(3, 5))), optional: false });
    blocks.push({ html: h2('三、联系方式') + p(NOTICE_CONTACT), optional: true });
  } else {
    blocks.push({ html: p(rng.pick(NOTICE_BACKGROUND)), optional: false });
    blocks.push({ html: h2('一、主要内容') + p(fill(rng.pick(topic.paragraphs), renumber(rng, vars))) + ul(rng.sample(topic.points, rng.int(3, 5))), optional: false });
    blocks.push({ html: h2('二、有关要求') + ul(rng.sample(NOTICE_REQUIREMENTS, rng.int(3, 4))), optional: false });
    if (title.endsWith('公示')) blocks.push({ html: p(NOTICE_PUBLICITY), optional: false });
    blocks.push({ html: h2('三、联系方式') + p(NOTICE_CONTACT), optional: true });
  }
  const closing = title.endsWith('通知') ? '特此通知。' : title.endsWith('公告') ? '特此公告。' : '';
  if (closing) blocks.push({ html: p(closing), optional: false });
  blocks.push({ html: p(tpl.tags.includes('志愿服务') ? CITY_OFFICES.volunteers : CITY_OFFICES.civilization) + p(fullDateText(publishDay)), optional: false });
  return blocks;
}

function storyBody(rng: Rng, names: NamePool, channel: ChannelSlug, tpl: NewsTemplate, vars: Vars, open: string): Block[] {
  const [mainTag, secondTag] = tpl.tags;
  const topic = NEWS_TOPICS[mainTag!];
  // Paragraph templates in order of preference; each is used at most once per article.
  const pool = [
    ...rng.shuffle(topic.paragraphs),
    ...(secondTag ? rng.shuffle(NEWS_TOPICS[secondTag].paragraphs) : []),
    ...rng.shuffle(NEWS_TOPICS['文明实践'].paragraphs),
  ].filter((t, i, all) => all.indexOf(t) === i);
  const next = () => p(fill(pool.shift()!, renumber(rng, vars)));

  const districtTable = () => {
    const rows = DISTRICTS.map((d) => [d.name, rng.int(40, 260), rng.int(1500, 12000), rng.int(30, 180)]);
    return table(['区', '志愿服务活动（场）', '参与人次', '解决群众问题（个）'], rows);
  };
  // A written-out report reads as one piece: its own paragraphs in order, no borrowed ones.
  if (tpl.body) {
    return [{ html: p(open), optional: false }, ...tpl.body.map((block) => ({ html: block === '{table}' ? districtTable() : fill(block, renumber(rng, vars)), optional: false }))];
  }
  const blocks: Block[] = [{ html: p(open), optional: false }, { html: next(), optional: false }];
  blocks.push({ html: h2(rng.pick(topic.headings)) + next(), optional: false });
  if (tpl.table) blocks.push({ html: p('各区创建重点工作推进情况如下：') + districtTable(), optional: false });
  if (rng.chance(0.65)) {
    blocks.push({ html: p(rng.pick(topic.listIntro)) + ul(rng.sample(topic.points, rng.int(3, 5))), optional: true });
  }
  if (channel === 'meiti' || rng.chance(0.7)) {
    const speaker = `${rng.pick(topic.speakers)}${names.person().name}`;
    blocks.push({ html: `<blockquote><p>“${fill(rng.pick(topic.quotes), vars)}”${speaker}说。</p></blockquote>`, optional: true });
  }
  const closing: Block = { html: p(fill(rng.pick(CHANNEL_CLOSINGS[channel]), renumber(rng, vars))), optional: false };
  // Pad to a varied length with further paragraphs.
  const target = rng.int(520, 900);
  const length = () => charLength(htmlText([...blocks, closing].map((b) => b.html).join('')));
  while (length() < target && pool.length > 0) blocks.push({ html: next(), optional: true });
  blocks.push(closing);
  return blocks;
}

function composeBody(rng: Rng, names: NamePool, channel: ChannelSlug, tpl: NewsTemplate, vars: Vars, publishDay: string, title: string, open: string): string {
  const blocks = channel === 'tongzhi' ? noticeBody(rng, tpl, title, vars, publishDay, open) : storyBody(rng, names, channel, tpl, vars, open);
  const length = () => charLength(htmlText(blocks.map((b) => b.html).join('')));
  // Too long: drop optional blocks from the end.
  for (let i = blocks.length - 1; i >= 0 && length() > 1150; i--) {
    if (blocks[i]!.optional) blocks.splice(i, 1);
  }
  const html = blocks.map((b) => b.html).join('\n');
  assertLength(`body of "${open.slice(0, 20)}"`, htmlText(html), 400, 1200);
  return html;
}

function sourceFor(rng: Rng, channel: ChannelSlug, vars: Vars): string {
  switch (channel) {
    case 'yaowen':
      return rng.pick([CITY_OFFICES.civilization, CITY_OFFICES.campaign, '江城日报']);
    case 'jiceng':
      return `${vars.district}融媒体中心`;
    case 'zhiyuan':
      return rng.pick([CITY_OFFICES.volunteers, CITY_OFFICES.civilization]);
    case 'shijian':
      return rng.pick([CITY_OFFICES.practiceCenter, `${vars.district}新时代文明实践中心`]);
    case 'meiti':
      return String(vars.media);
    case 'tongzhi':
      return rng.pick([CITY_OFFICES.civilization, CITY_OFFICES.campaign]);
  }
}

function authorFor(rng: Rng, names: NamePool, channel: ChannelSlug): string {
  if (channel === 'tongzhi') return '';
  if (channel === 'meiti' || rng.chance(0.4)) return `记者 ${names.person().name}`;
  return rng.chance(0.5) ? `通讯员 ${names.person().name} ${names.person().name}` : names.person().name;
}

export interface NewsSummary {
  channels: number;
  articles: number;
}

export async function seedNews(db: Db, today: string): Promise<NewsSummary> {
  const rng = createRng('civic-demo:news');
  const names = new NamePool(rng);
  const editors = [names.person().name, names.person().name, names.person().name, names.person().name];

  const channelRows = await db
    .insert(newsChannels)
    .values(CHANNELS.map((c, i) => ({ slug: c.slug, name: c.name, sortOrder: i + 1 })))
    .returning({ id: newsChannels.id, slug: newsChannels.slug });
  const channelId = new Map(channelRows.map((c) => [c.slug, c.id]));

  const rows: ArticleRow[] = [];
  const build = (channel: ChannelSlug, tpl: NewsTemplate, publishDay: string, hour: number, minute: number): ArticleRow => {
    const vars = articleVars(rng, publishDay);
    const open = fill(tpl.open, vars);
    const title = assertLength('title', fill(tpl.title, vars), 15, 30);
    const publishedAt = at(publishDay, hour, minute);
    const age = Math.max(1, Math.round((at(today, 12).getTime() - publishedAt.getTime()) / 86_400_000));
    return {
      slug: tpl.slug ? fill(tpl.slug, vars) : null,
      channelId: channelId.get(channel)!,
      title,
      summary: summaryOf(open),
      body: composeBody(rng, names, channel, tpl, vars, publishDay, title, open),
      source: sourceFor(rng, channel, vars),
      author: authorFor(rng, names, channel),
      editorName: rng.pick(editors),
      tags: tpl.tags.slice(0, 3),
      status: 'published',
      publishedAt,
      pinned: tpl.pinned ?? false,
      viewCount: Math.min(5000, rng.int(20, 300) + age * rng.int(3, 35) + (tpl.pinned ? 600 : 0)),
      createdAt: new Date(publishedAt.getTime() - rng.int(1, 20) * 3_600_000),
      updatedAt: publishedAt,
    };
  };

  for (const channel of CHANNELS) {
    NEWS_TEMPLATES[channel.slug].forEach((tpl, i) => {
      // Every channel gets something from the last week; the rest spreads over ~120 days.
      const offset = i === 0 && !tpl.pinned ? rng.int(1, 6) : tpl.pinned ? rng.int(2, 30) : rng.int(1, 120);
      rows.push(build(channel.slug, tpl, addDays(today, -offset), rng.int(7, 21), rng.int(0, 59)));
    });
  }

  for (const hidden of HIDDEN_TEMPLATES) {
    if (hidden.status === 'scheduled') {
      // Approved yesterday for a time three days ahead: written and last changed in the past.
      rows.push({ ...build(hidden.channel, hidden.template, addDays(today, 3), 9, 0), viewCount: 0, createdAt: at(addDays(today, -2), 15, 10), updatedAt: at(addDays(today, -1), 17, 40) });
      continue;
    }
    const row = build(hidden.channel, hidden.template, addDays(today, -1), 10, 0);
    rows.push({ ...row, status: hidden.status, publishedAt: null, viewCount: 0, pinned: false, createdAt: at(addDays(today, -2), 16, 20), updatedAt: at(addDays(today, -1), 9, 45) });
  }

  await insertRows(db, newsArticles, rows);
  await seedDailyViews(db, today);
  return { channels: channelRows.length, articles: rows.length };
}

/** Spreads part of each recent article's views over its days, so 最火资讯 (30 days) has data. */
async function seedDailyViews(db: Db, today: string): Promise<void> {
  const rng = createRng('civic-demo:news-views');
  const since = addDays(today, -29);
  const articles = await db
    .select({ id: newsArticles.id, publishedAt: newsArticles.publishedAt, viewCount: newsArticles.viewCount })
    .from(newsArticles)
    .where(and(eq(newsArticles.status, 'published'), lte(newsArticles.publishedAt, at(today, 23, 59))))
    .orderBy(newsArticles.id);
  const daily: { articleId: number; day: string; views: number }[] = [];
  for (const article of articles) {
    let day = cityDay(article.publishedAt!) < since ? since : cityDay(article.publishedAt!);
    let left = Math.floor(article.viewCount * 0.6);
    while (day <= today && left > 0) {
      const views = Math.min(left, rng.int(1, Math.max(2, Math.ceil(article.viewCount / 10))));
      daily.push({ articleId: article.id, day, views });
      left -= views;
      day = addDays(day, 1);
    }
  }
  await insertRows(db, newsDailyViews, daily);
}
