// Tests the build-time romaniser of scripts/gazetteer (kept beside the gazetteer tests it feeds).
import { describe, expect, it } from 'vitest';
import { romanize, stripChineseSuffix } from '../../../scripts/gazetteer/romanize-chinese.ts';

describe('stripChineseSuffix', () => {
  it.each([
    ['马鞍山市', '马鞍山'],
    ['宝安区', '宝安'],
    ['延边朝鲜族自治州', '延边'],
    ['恩施土家族苗族自治州', '恩施'],
    ['博尔塔拉蒙古自治州', '博尔塔拉'],
    ['大兴安岭地区', '大兴安岭'],
    ['浦东新区', '浦东'],
    ['城区', '城区'],
  ])('%s → %s', (name, stem) => {
    expect(stripChineseSuffix(name)).toBe(stem);
  });
});

describe('romanize', () => {
  it.each([
    ['马鞍山', "Ma'anshan"],
    ['宝安', "Bao'an"],
    ['西安', "Xi'an"],
    ['株洲', 'Zhuzhou'],
    ['番禺', 'Panyu'],
    ['六安', "Lu'an"],
    ['喀什', 'Kashi'],
    ['都匀', 'Duyun'],
    ['乐清', 'Yueqing'],
    ['吕梁', 'Lüliang'],
    ['鄂尔多斯', "E'erduosi"],
  ])('%s → %s', (hanzi, name) => {
    expect(romanize(hanzi)).toBe(name);
  });
});
