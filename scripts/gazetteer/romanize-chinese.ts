/** Chinese division names → canonical plain pinyin (CLAIMS.md): 马鞍山市 → Ma'anshan, 宝安区 → Bao'an. */
import { pinyin } from 'pinyin-pro';

// The 56 recognised ethnic groups, stripped from autonomous prefecture names (延边朝鲜族自治州 → 延边).
const ETHNIC_GROUPS = (
  '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 ' +
  '柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 ' +
  '塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);

/** Strip the administrative suffix of a Chinese division name; keep it when the stem would be one character. */
export function stripChineseSuffix(name: string): string {
  let stem = name;
  const autonomous = /自治[州县旗]$/u.test(stem);
  stem = stem.replace(/(自治州|自治县|自治旗|地区|林区|特区|新区|盟|市|区|县|旗)$/u, '');
  if (autonomous) {
    // Drop trailing ethnic names, longest first, repeatedly: 恩施土家族苗族 → 恩施.
    for (let changed = true; changed; ) {
      changed = false;
      for (const group of ETHNIC_GROUPS) {
        for (const suffix of [`${group}族`, group]) {
          if (stem.endsWith(suffix) && stem.length - suffix.length >= 2) {
            stem = stem.slice(0, -suffix.length);
            changed = true;
          }
        }
      }
    }
  }
  return [...stem].length >= 2 ? stem : name;
}

// Readings that pinyin-pro's general-purpose dictionary gets wrong in place names: 都 is always
// "du" (Duyun, Huadu, not "dou"), 什 always "shi" (Kashi, Shifang, not "shen").
const PLACE_CHAR_READINGS: Record<string, string> = { 都: 'du', 什: 'shi' };
// Whole-word readings where the place name keeps a rare reading (乐清 Yueqing, 六合 Luhe, 曾都 Zengdu).
const PLACE_WORD_READINGS: Record<string, string[]> = {
  乐清: ['yue', 'qing'],
  六合: ['lu', 'he'],
  曾都: ['zeng', 'du'],
  乐亭: ['lao', 'ting'],
  蔚县: ['yu', 'xian'],
  单县: ['shan', 'xian'],
  尉犁: ['yu', 'li'],
};

/** Toneless pinyin syllables of a Chinese name, with the place-name reading fixes above. */
export function placeSyllables(hanzi: string): string[] {
  const word = PLACE_WORD_READINGS[hanzi];
  if (word) return [...word];
  const all = pinyin(hanzi, { toneType: 'none', type: 'all', nonZh: 'removed' });
  return all.filter((a) => a.isZh).map((a) => PLACE_CHAR_READINGS[a.origin] ?? a.pinyin);
}

/** Plain pinyin, capitalised, with an apostrophe before a/o/e syllables that follow another syllable (Ma'anshan). */
export function romanize(hanzi: string): string {
  const syllables = placeSyllables(hanzi).map((s) => s.replace(/v/gu, 'ü'));
  const joined = syllables.map((s, i) => (i > 0 && /^[aoe]/u.test(s) ? `'${s}` : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

