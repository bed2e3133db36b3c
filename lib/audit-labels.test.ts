import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, actionLabel, auditChanges, auditEntityText, auditNoteText, auditRefsOf, auditValueText, ENTITY_OPTIONS, fieldLabel, type AuditNames } from './audit-labels';

const HAN = /\p{Script=Han}/u;
const names: AuditNames = {
  news_channel: new Map([['3', '志愿服务']]),
  media_key: new Map([['0123456789abcdef0123456789abcdef', '志愿者在社区为老人义诊']]),
  people_batch: new Map([['7', '2026年3月 身边好人榜']]),
  good_person: new Map([
    ['11', '王秀兰'],
    ['12', '李建国'],
  ]),
  credit_category: new Map([['2', '食品药品安全']]),
  credit_batch: new Map([['5', '2026年第5期']]),
  user: new Map([['4', '张编辑']]),
};

describe('audit log labels', () => {
  it('names every field an article save records, and shows channel ids, tags and times in Chinese', () => {
    const entry = {
      entityType: 'news_article',
      entityId: '12',
      before: { body: '正文120字 #abc', slug: null, tags: ['志愿', '社区'], channelId: 2, pinned: false, coverImage: null },
      after: { body: '正文130字 #def', slug: 'zhiyuan-week', tags: ['志愿'], channelId: 3, pinned: true, coverImage: '0123456789abcdef0123456789abcdef' },
    };
    const changes = auditChanges(entry, names);
    // In the order of the article form, whatever order the stored JSON has.
    expect(changes.map((c) => c.label)).toEqual(['正文', '封面图', '标签', '栏目', '网址别名', '置顶']);
    expect(changes.find((c) => c.field === 'channelId')).toMatchObject({ before: '#2（已删除）', after: '志愿服务' });
    expect(changes.find((c) => c.field === 'tags')).toMatchObject({ before: '志愿、社区', after: '志愿' });
    expect(changes.find((c) => c.field === 'pinned')).toMatchObject({ before: '否', after: '是' });
    expect(changes.find((c) => c.field === 'slug')).toMatchObject({ before: '（空）', after: 'zhiyuan-week' });
    expect(changes.find((c) => c.field === 'coverImage')!.after).toBe('志愿者在社区为老人义诊');
    expect(auditValueText('news_article', 'publishedAt', '2026-03-01T02:30:00.000Z')).toBe('2026-03-01 10:30');
    expect(auditValueText('news_article', 'status', 'pending')).toBe('待审核');
  });

  it('reads a media upload from a recommendation in Chinese', () => {
    const changes = auditChanges({ entityType: 'media', entityId: '9', before: null, after: { storageKey: '0123456789abcdef0123456789abcdef', alt: '照片', from: 'recommendation 1', bytes: 2_400_000, format: 'jpeg' } }, names);
    expect(changes.map((c) => c.label)).toEqual(['图片', '图片说明', '原图格式', '原图大小', '来源']);
    expect(changes.map((c) => c.after)).toEqual(['志愿者在社区为老人义诊', '照片', 'jpeg', '2.3 MB', '群众推荐（编号 1）']);
  });

  it('uses the record type to tell fields and codes apart', () => {
    expect(fieldLabel('name', 'good_person')).toBe('姓名');
    expect(fieldLabel('name', 'credit_entry')).toBe('名称');
    expect(fieldLabel('reason', 'credit_entry')).toBe('列入事由');
    expect(auditValueText('credit_entry', 'status', 'removed')).toBe('已移出');
    expect(auditValueText('credit_objection', 'status', 'verifying')).toBe('待核实');
    expect(auditValueText('good_person_comment', 'status', 'hidden')).toBe('被举报隐藏');
    expect(auditValueText('people_batch', 'status', 'published')).toBe('已发布');
    expect(auditValueText('user', 'role', 'reviewer')).toBe('审核');
    expect(auditValueText('credit_entry', 'list', 'black')).toBe('黑榜');
    expect(auditValueText('credit_entry', 'categoryId', 2, names)).toBe('食品药品安全');
    expect(auditValueText('credit_batch', 'batchId', 5, names)).toBe('2026年第5期');
    expect(auditValueText('good_person', 'batchId', 7, names)).toBe('2026年3月 身边好人榜');
    expect(auditValueText('people_batch', 'peopleIds', [11, 12], names)).toBe('王秀兰、李建国');
    expect(auditValueText('good_person_recommendation', 'personalNumbersMasked', ['deed', 'story'])).toBe('一句话事迹、事迹全文');
  });

  it('collects the ids to look up, and names the record an entry is about', () => {
    const wanted = auditRefsOf([
      { entityType: 'news_article', entityId: '12', before: { channelId: 2 }, after: { channelId: 3 } },
      { entityType: 'user', entityId: '4', before: null, after: { role: 'editor' } },
      { entityType: 'people_batch', entityId: '7', before: null, after: { peopleIds: [11, 12] } },
      { entityType: 'setting', entityId: 'siteInfo', before: { city: '本市' }, after: null },
    ]);
    expect(wanted).toEqual({ news_article: ['12'], news_channel: ['2', '3'], user: ['4'], people_batch: ['7'], good_person: ['11', '12'] });
    expect(auditEntityText('user', '4', names)).toBe('用户“张编辑”（#4）');
    expect(auditEntityText('credit_batch', '5', names)).toBe('红黑榜批次“2026年第5期”（#5）');
    expect(auditEntityText('news_article', '99', names)).toBe('文章 #99');
    expect(auditEntityText('setting', 'siteInfo')).toBe('站点设置：网站信息');
  });

  it('translates the English notes of older entries', () => {
    expect(auditNoteText('locked (too many attempts)')).toBe('尝试次数过多，已锁定');
    expect(auditNoteText('password reset by an administrator; sessions ended')).toContain('管理员重置了密码');
    expect(auditNoteText('category 失信被执行人')).toBe('类别：失信被执行人');
    expect(auditNoteText('filters: entityType=news_channel actor=张')).toBe('筛选条件：对象类型=栏目，操作人=张');
    expect(auditNoteText('xlsx; list=black q=宝丰')).toBe('格式 XLSX；筛选条件：名单=黑榜，关键词=宝丰');
    expect(auditNoteText('版本 3')).toBe('版本 3');
    expect(auditNoteText(null)).toBeNull();
  });

  it('offers every record type by its Chinese name for the filter', () => {
    expect(ENTITY_OPTIONS).toContainEqual({ value: 'news_channel', label: '栏目' });
    expect(ENTITY_OPTIONS).toContainEqual({ value: 'credit_category', label: '信用类别' });
    for (const option of ENTITY_OPTIONS) expect(option.label, option.value).toMatch(HAN);
  });

  it('names every field the editors’ records write to the log', () => {
    const recorded: Record<string, string[]> = {
      news_article: ['title', 'subtitle', 'summary', 'body', 'coverImage', 'coverAlt', 'source', 'author', 'editorName', 'tags', 'channelId', 'slug', 'pinned', 'status', 'publishedAt'],
      news_channel: ['name', 'slug'],
      good_person: ['name', 'photo', 'photoAlt', 'gender', 'birthYear', 'region', 'unit', 'category', 'level', 'batchId', 'term', 'deed', 'story', 'honors', 'status'],
      people_batch: ['month', 'title', 'votingStart', 'votingEnd', 'status', 'peopleIds', 'publishedAt'],
      credit_entry: ['list', 'categoryId', 'subjectKind', 'name', 'creditCode', 'legalRep', 'idNumberMasked', 'reason', 'amount', 'authority', 'basisDoc', 'decisionDate', 'listedDate', 'publicationEnd', 'publicationEndReason', 'batchId', 'status', 'statusReason', 'statusChangedAt'],
      credit_batch: ['title', 'status', 'publishedAt', 'rows', 'inserted', 'existing'],
      media: ['storageKey', 'originalName', 'format', 'width', 'height', 'bytes', 'alt', 'from'],
      user: ['username', 'displayName', 'role', 'disabled'],
    };
    for (const [entity, fields] of Object.entries(recorded)) {
      for (const field of fields) expect(fieldLabel(field, entity), `${entity}.${field}`).toMatch(HAN);
    }
  });

  it('names every action code the source writes to the log', () => {
    const roots = ['app', 'server'];
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) files.push(full);
      }
    };
    for (const root of roots) walk(path.resolve(import.meta.dirname, '..', root));
    const CODE = /'((?:news|news_channel|good_person|people_batch|recommendation|comment|credit|credit_entry|credit_batch|credit_objection|credit_category|user|media|settings|audit|signin)\.[a-z_]+)'/g;
    const codes = new Set<string>();
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      if (!/recordAudit|AUDIT/.test(text)) continue;
      // Permission names ('audit.view', 'settings.manage') share the shape; they are not log codes.
      for (const match of text.matchAll(CODE)) if (!/\.(view|manage)$/.test(match[1]!)) codes.add(match[1]!);
    }
    expect(codes.size).toBeGreaterThan(40);
    for (const code of codes) expect(ACTION_LABELS[code], code).toMatch(HAN);
    expect(actionLabel('news.approve_override')).toContain('三审三校');
  });
});
