/**
 * The seven geographic regions of China by province, the usual division of "South China",
 * "Ostchina" and the like; a province implies its region. The gazetteer knows provinces, not
 * regions, so the mapping lives here, written with the gazetteer's canonical province names.
 */
const REGIONS: Record<string, string[]> = {
  north: ['Beijing', 'Tianjin', 'Hebei', 'Shanxi', 'Inner Mongolia', 'Nei Mongol'],
  northeast: ['Liaoning', 'Jilin', 'Heilongjiang'],
  east: ['Shanghai', 'Jiangsu', 'Zhejiang', 'Anhui', 'Fujian', 'Jiangxi', 'Shandong', 'Taiwan'],
  central: ['Henan', 'Hubei', 'Hunan'],
  south: ['Guangdong', 'Guangxi', 'Hainan', 'Hong Kong', 'Macau'],
  southwest: ['Chongqing', 'Sichuan', 'Guizhou', 'Yunnan', 'Tibet', 'Xizang'],
  northwest: ['Shaanxi', 'Gansu', 'Qinghai', 'Ningxia', 'Xinjiang'],
};

export function regionOfProvince(province: string): string | null {
  for (const [region, provinces] of Object.entries(REGIONS)) if (provinces.includes(province)) return region;
  return null;
}

/** The compass directions a written region names: "Südostchina" → south, east; "central China" → central. */
export function directionsOf(text: string): Set<string> {
  const t = text.toLowerCase();
  const found = new Set<string>();
  if (/nord|north/.test(t)) found.add('north');
  if (/süd|sued|south/.test(t)) found.add('south');
  if (/ost(?!er)|east|östl/.test(t)) found.add('east');
  if (/west/.test(t)) found.add('west');
  if (/zentral|mittel|central|middle/.test(t)) found.add('central');
  return found;
}

/** A stated region fits a region when they share a direction ("Norden" fits the Northeast; "Süden" does not fit the East). */
export function regionsAgree(stated: string, region: string): boolean {
  const a = directionsOf(stated);
  const b = directionsOf(region);
  if (a.size === 0 || b.size === 0) return true;
  // "Central China", "im Herzen Chinas" is vague at its edges: it fits the regions around it, not the far northeast.
  if (a.size === 1 && a.has('central')) return !(b.has('north') && b.has('east'));
  return [...a].some((d) => b.has(d));
}
