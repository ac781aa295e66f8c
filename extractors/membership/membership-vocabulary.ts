/**
 * How German and English press releases say that a city joins, plans to join, founded, left
 * or visits an alliance as a guest. Ordered: the first kind whose cue matches a stretch of
 * text claims it ("will beitreten" is an intention before it is a joining). German verbs are
 * matched case-sensitively where the noun would mean something else ("beitritt" the verb,
 * "Beitritt" the noun, which names a decision as often as an accession).
 */
import type { MembershipEventKind } from '../../core/claim.ts';
import { keywordGate } from '../text/keyword-gate.ts';
import { wholeWords } from '../text/word-boundary.ts';

// Any text inside a clause, dots of dates and numbers included ("tritt zum 31.12.2022 aus").
const GAP = (max: number) => `(?:[^.;!?]|\\.(?=\\d)|(?<=\\d)\\.)\{0,${max}\}?`;

/** One way of saying a membership event: a global pattern, and the cheap test every text it matches passes. */
export interface MembershipCue {
  kind: MembershipEventKind;
  pattern: RegExp;
  /**
   * False only for texts the pattern cannot match: each alternative of the pattern contains one of
   * the gate's keywords, so a sentence without any is not scanned by the big Unicode pattern.
   */
  gate: (text: string) => boolean;
  /** A cue checked further where it is used: `approval` (whose body approved), `present` (an alliance right there). */
  rule?: 'approval' | 'present';
}

export const MEMBERSHIP_CUES: readonly MembershipCue[] = [
  // "Der Lenkungskreis hat dem Aufnahmeantrag zugestimmt", "the steering committee approved the city's membership":
  // an approval is an admission unless a city's own council gives it (checked where the cue is used).
  {
    kind: 'joined',
    rule: 'approval',
    gate: keywordGate(['antrag', 'gesuch', 'membership', 'application', 'admission', 'accession']),
    pattern: new RegExp(wholeWords([
      `(?:dem|den)\\s+(?:Aufnahmeantrag|Beitrittsantrag|Antrag\\s+auf\\s+(?:Aufnahme|Mitgliedschaft)|Aufnahmegesuch)\\s${GAP(80)}(?:zugestimmt|stattgegeben|angenommen|genehmigt|bewilligt)`,
      `(?:approved|accepted|granted|endorsed|confirmed)\\s+(?:the\\s+)?(?:(?:city|town|district|county)['’]s\\s+|its\\s+|\\p{Lu}[\\p{L}-]+['’]s\\s+)?(?:membership|application|admission|accession)(?:\\s+(?:application|request|bid))?`,
    ]), 'gu'),
  },
  {
    kind: 'intends_to_join',
    gate: keywordGate(['beitr', 'beizutreten', 'mitglied', 'antrag', 'join', 'member']),
    pattern: new RegExp(wholeWords([
      `[Bb]eabsichtig\\p{L}*${GAP(120)}beizutreten`,
      `(?:will|wollen|möchte|möchten|plant|planen|strebt|streben|prüft|prüfen|erwägt|erwägen)\\s${GAP(100)}(?:beitreten|beizutreten|Beitritt|Mitgliedschaft\\s+an|Mitglied\\s+werden|Mitglied\\s+zu\\s+werden)`,
      `(?:will|wollen|möchte|möchten|soll|sollen)\\s+${GAP(10)}Mitglied\\s${GAP(100)}werden`,
      `Antrag\\s+auf\\s+(?:Aufnahme|Mitgliedschaft|Beitritt)`, 'Aufnahmeantrag', 'Beitrittsantrag', 'Beitrittsabsicht',
      `Entschluss\\s+zum\\s+Beitritt`, `Beitritt\\s+(?:beantragt|beantragen|anstreben|angestrebt)`, 'offiziellen\\s+Antrag\\s+stellen',
      `(?:dem|den)\\s+Beitritt\\s${GAP(80)}(?:zugestimmt|beschlossen|befürwortet|gebilligt)`, `(?:beschließt|beschloss|beschlossen)\\s${GAP(60)}(?:den\\s+)?Beitritt`,
      `(?:schlägt|schlagen|schlug)\\s${GAP(40)}vor${GAP(200)}(?:beitritt|beitreten|beizutreten)`,
      `(?:beschlossen|beschließt|beschloss|beschließen|entschieden|entschlossen)${GAP(200)}(?:beitritt|beitreten|beizutreten)`, `(?:empfiehlt|empfehlen|beantragt|beantragen)${GAP(200)}(?:beitritt|beitreten|beizutreten)`,
      `(?:plans?|planning|intends?|intending|wants?|seeks?|seeking|hopes?|aims?|applied|applies|apply|voted|decided|agreed)\\s+(?:to\\s+(?:join|become\\s+a\\s+member)|for\\s+membership)`,
      'application\\s+for\\s+membership',
    ]), 'gu'),
  },
  {
    kind: 'left',
    gate: keywordGate(['mitgliedschaft', 'membership', 'austr', 'ausget', 'tritt', 'trat', 'verl', 'left', 'leav', 'quit', 'withdr']),
    pattern: new RegExp(wholeWords([
      // "die Mitgliedschaft … zum Jahresende zu kündigen", "to terminate its membership": ending a membership is leaving.
      `Mitgliedschaft\\s${GAP(80)}(?:kündigen|gekündigt|kündigt|beenden|beendet|aufzukündigen|aufgekündigt)`, `(?:beendet|kündigt|beenden|kündigen)\\s+(?:die\\s+|seine\\s+|ihre\\s+)?Mitgliedschaft`,
      `(?:terminate[sd]?|cancel(?:s|led|ed)?|end(?:s|ed)?)\\s+(?:its|the\\s+city['’]s|their|the)\\s+membership`,
      'ausgetreten', 'austreten', 'Austritt', `tritt\\s${GAP(80)}\\saus`, `trat\\s${GAP(80)}\\saus`, 'verlässt', 'verließ', 'verlassen\\s+hat',
      'left\\s+the', 'has\\s+left', '(?:will|is\\s+to|is\\s+going\\s+to)\\s+(?:leave|quit)\\s+the', 'is\\s+leaving\\s+the', 'will\\s+withdraw\\s+from', 'withdr[ae]w\\s+from', 'withdrawn\\s+from', 'quit\\s+the', 'leaves\\s+the',
    ]), 'gu'),
  },
  {
    kind: 'founding_member',
    gate: keywordGate(['gründungs', 'mitbegr', 'dabei', 'mitglied', 'found', 'member', 'board', 'part']),
    pattern: new RegExp(wholeWords([
      'Gründungsmitglied\\p{L}*', 'Gründungsstädte\\p{L}*', 'Gründungsstadt', 'Mitbegründer\\p{L}*', 'mitbegründet',
      // "ist seit der Gründung vor einem Jahr dabei", "Mitglied der ersten Stunde", "von Beginn an Mitglied": a member since the start.
      `seit\\s+(?:der|ihrer|seiner)\\s+Gründung\\s${GAP(40)}(?:dabei|Mitglied)`, `(?:von\\s+Anfang|von\\s+Beginn)\\s+an\\s${GAP(40)}(?:dabei|Mitglied)`, 'Mitglied\\s+der\\s+ersten\\s+Stunde',
      '[Ff]ounding\\s+members?', '[Ff]ounding\\s+cit(?:y|ies)', '[Cc]o-?founders?', '[Cc]o-?founded', 'since\\s+its\\s+(?:founding|foundation)\\s+(?:a\\s+)?member',
      `(?:has|have)\\s+been\\s+(?:a\\s+member|on\\s+board|part\\s+of\\s+${GAP(60)})\\s+(?:ever\\s+)?since\\s+(?:its|the\\s+alliance['’]s|the)\\s+(?:founding|foundation|launch|start)`, '(?:a\\s+)?member\\s+from\\s+the\\s+(?:very\\s+)?(?:start|beginning|outset)',
    ]), 'gu'),
  },
  {
    kind: 'guest',
    gate: keywordGate(['gast', 'gäste', 'beobachter', 'guest', 'observer']),
    pattern: new RegExp(wholeWords([
      'als\\s+(?:Gast|Gäste)\\p{L}*', 'Gaststadt', 'Gaststädte', 'Gastmitglied\\p{L}*', 'Beobachterstatus', 'as\\s+(?:a\\s+)?guests?', 'guest\\s+(?:city|member)', 'observer\\s+status',
    ]), 'giu'),
  },
  {
    kind: 'joined',
    gate: keywordGate(['beitr', 'beiget', 'tritt', 'trat', 'aufgenommen', 'nahm', 'nimmt', 'aufnahme', 'mitglied', 'dabei', 'seit', 'since', 'accepted', 'joined', 'member', 'admitted']),
    pattern: new RegExp(wholeWords([
      'beigetreten', 'beitritt', 'beitrat', 'beitraten', `tritt\\s${GAP(80)}\\sbei`, `traten?\\s${GAP(80)}\\sbei`, 'aufgenommen', `nahm(?:en)?\\s${GAP(150)}\\sauf`, `nimmt\\s${GAP(150)}\\sauf`,
      '[Aa]ufnahme\\s+(?:in|als|zur|zum|soll|sollen|wird|erfolgt|erfolgte|fand|findet)', 'Beitrittsurkunde', 'Mitgliedsurkunde', '[Nn]eu\\s+dabei',
      `(?:ist|sind|war|waren)\\s+(?:${GAP(40)}\\s)?(?:neues|neue|nun|jetzt|neu|seit\\s${GAP(30)})\\s*(?:${GAP(60)}\\s)?Mitglied`,
      `(?:gehört|gehören|angehört|angehören)\\s${GAP(40)}seit\\s|seit\\s${GAP(40)}(?:angehört|angehören|angehörte|dabei\\s+ist|Mitglied\\s+ist)`,
      `[Ss]eit\\s${GAP(30)}(?:gehört|gehören|gehörte)\\s${GAP(80)}\\san`,
      'Beitrittserklärung',
      // "Seit November 2019 ist Gelsenkirchen Mitglied", "Since 2018, Wuhu has been a member".
      `[Ss]eit\\s${GAP(30)}\\s(?:ist|sind)\\s${GAP(50)}\\sMitglied`, `[Ss]ince\\s${GAP(30)}\\s(?:has|have)\\s+been\\s+(?:a\\s+)?members?`,
      // "X has been a member since last year": the start of a membership is a joining.
      `(?:has|have)\\s+been\\s+(?:a\\s+)?members?\\s+(?:of\\s+${GAP(60)}\\s)?since`,
      // "Schweinfurt ist seit 2018 dabei", "Bochum has been on board since 2019": a membership that started then.
      `(?:ist|sind)\\s+(?:bereits\\s+|schon\\s+|auch\\s+)?seit\\s${GAP(30)}\\s(?:mit\\s+)?dabei`, `(?:has|have)\\s+been\\s+(?:on\\s+board|part\\s+of\\s+${GAP(60)})\\s+since`,
      // "Deyang was formally accepted as a member of the alliance".
      `(?:was|were|been|is|are)\\s+(?:formally\\s+|officially\\s+)?accepted\\s+(?:as\\s+(?:a\\s+)?(?:new\\s+)?members?|into)`,
      'joined', 'has\\s+joined', '(?:became|(?:has|have)\\s+become)\\s+(?:a\\s+)?(?:new\\s+)?members?', '(?:was|were|been)\\s+(?:officially\\s+)?admitted', 'admitted',
      '(?:is|are)\\s+now\\s+(?:a\\s+)?members?', 'membership\\s+(?:declaration|certificate)',
    ]), 'gu'),
  },
  // "Bottrop ist Teil der …allianz", "die Allianz, zu der auch Solingen gehört", "Hamm is a member of the alliance": a present
  // membership, which says the city joined at some time (checked where used: the alliance must stand right there).
  {
    kind: 'joined',
    rule: 'present',
    gate: keywordGate(['teil', 'mitglied', 'geh', 'zähl', 'member', 'part']),
    pattern: new RegExp(wholeWords([
      `(?:ist|sind)\\s+(?:bereits\\s+|schon\\s+|auch\\s+|ebenfalls\\s+)?(?:ein\\s+)?(?:aktives\\s+)?(?:Teil|Mitglied)\\s+(?:der|des|im)`,
      `(?:gehört|gehören)\\s+(?:auch\\s+|ebenfalls\\s+|bereits\\s+|schon\\s+)?(?:zur|zum)`,
      `zu\\s+(?:der|dem|denen)\\s+(?:auch\\s+|ebenfalls\\s+|inzwischen\\s+|mittlerweile\\s+|seit\\s+\\S+\\s+)?${GAP(50)}\\s(?:gehört|gehören|zählt|zählen)`,
      `(?:is|are)\\s+(?:already\\s+|also\\s+)?(?:a\\s+|an\\s+active\\s+)?(?:member|part)\\s+of`,
    ]), 'gu'),
  },
];

// Perfect and past forms report a joining that happened; "tritt … bei" in a headline may announce a decision.
export const JOINED_FOR_SURE = /(?:beigetreten|aufgenommen|accepted\s+(?:as|into)|Beitrittsurkunde|Mitgliedsurkunde|joined|became|become|admitted|Mitglied|member|angehört|gehört|gehören|dabei|zugestimmt|stattgegeben|genehmigt|bewilligt|approved|accepted|granted)/u;

// A clause opened by a condition or a question does not report an event.
export const CONDITIONAL_CLAUSE = /(?:^|[,;:–—]\s*|\s)(?:wenn|falls|sofern|sobald|ob|Ob|Wenn|Falls|if|If|whether|once|unless)\s[^,;]*$/u;

// Future or planned: "soll … erfolgen", "wird … stattfinden", "is to be admitted".
// A subjunctive ("würde … aufgenommen", "would be admitted") is a hypothesis, not an admission.
export const PLANNED = /(?<![\p{L}])(?:soll|sollen|wird|werden|würde|würden|wäre|wären|geplant|vorgesehen|will\s+be|would|is\s+to\s+be|is\s+scheduled|is\s+expected|are\s+to\s+be)(?![\p{L}])/iu;

// "unter anderem", "among others": the names are examples, not the whole list.
export const PARTIAL = /(?<![\p{L}])(?:unter\s+anderem|u\.\s?a\.|darunter|unter\s+ihnen|beispielsweise|zum\s+Beispiel|z\.\s?B\.|etwa|among\s+others|among\s+them|among\s+whom|including|for\s+example|for\s+instance|e\.g\.|such\s+as)(?![\p{L}])/iu;

/** Plural subjects that are no city: "sechs weitere Städte wurden aufgenommen". */
export const PLURAL_SUBJECT = /(?<![\p{L}])(?:Städte|Städten|Kommunen|Mitglieder|cities|members|municipalities)(?![\p{L}])/iu;

// "X und Y sind gemeinsam als Mitglied beigetreten": subjects that joined as one member make no list of members.
export const JOINT_MEMBER = /(?<![\p{L}])(?:gemeinsam\s+(?:als\s+(?:ein\s+)?Mitglied|(?:der|dem)\s)|als\s+gemeinsames\s+Mitglied|jointly(?:\s+as\s+(?:one|a)\s+member)?|as\s+(?:one|a\s+joint)\s+member)(?![\p{L}])/iu;
