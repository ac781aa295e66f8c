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
  stem = stem.replace(/(自治州|自治县|自治旗|地区|林区|特区|盟|市|区|县|旗)$/u, '');
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

/** Plain pinyin, capitalised, with an apostrophe before a/o/e syllables that follow another syllable (Ma'anshan). */
export function romanize(hanzi: string): string {
  const syllables = pinyin(hanzi, { toneType: 'none', type: 'array', nonZh: 'removed' }).map((s) => s.replace(/v/gu, 'ü'));
  const joined = syllables.map((s, i) => (i > 0 && /^[aoe]/u.test(s) ? `'${s}` : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

