import { describe, expect, it } from 'vitest';
import { findSensitiveWords, highlightSensitive, parseWordList } from './sensitive-words';

describe('sensitive words', () => {
  const words = ['诈骗', '加微信', 'QQ群'];

  it('finds listed words, each once, in list order', () => {
    expect(findSensitiveWords('他说加微信就能领奖，这是诈骗，诈骗！', words)).toEqual(['诈骗', '加微信']);
    expect(findSensitiveWords('热心助人的好邻居', words)).toEqual([]);
  });

  it('sees through full-width letters, case and separators', () => {
    expect(findSensitiveWords('进ｑｑ群看看', words)).toEqual(['QQ群']);
    expect(findSensitiveWords('诈 骗', words)).toEqual(['诈骗']);
    expect(findSensitiveWords('诈*骗', words)).toEqual(['诈骗']);
  });

  it('highlights exact matches for the moderator', () => {
    expect(highlightSensitive('谨防诈骗电话', words)).toEqual([
      { text: '谨防', hit: false },
      { text: '诈骗', hit: true },
      { text: '电话', hit: false },
    ]);
    expect(highlightSensitive('没有问题', words)).toEqual([{ text: '没有问题', hit: false }]);
  });

  it('parses the settings textarea', () => {
    expect(parseWordList('诈骗\n 赌博 \n\n诈骗，办证、刷单')).toEqual(['诈骗', '赌博', '办证', '刷单']);
  });
});
