import type { FindingView } from '../../pack/compile';

/**
 * How the popup lists all findings when the search box is empty: by what they are about. Findings the pack adds later
 * and nobody places here still show, under "More findings".
 */
export const FINDING_GROUPS: { title: string; ids: string[] }[] = [
  {
    title: 'The nature of the partnership',
    ids: ['transactional', 'no-alliance-trust', 'unlimited-partnership', 'axis-of-convenience'],
  },
  {
    title: 'Ukraine, weapons and the military',
    ids: ['ukraine-non-endorsement', 'weapons-requests', 'dual-use-restrictions', 'joint-exercises'],
  },
  {
    title: 'Economy, sanctions and energy',
    ids: ['economic-priority', 'europe-ties', 'sanctions-brics-coordination', 'energy-dedollarisation'],
  },
  { title: 'What it means, and the source', ids: ['policy-implications', 'provenance'] },
];

export interface FindingGroup {
  title: string;
  findings: FindingView[];
}

export function groupFindings(findings: readonly FindingView[]): FindingGroup[] {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const placed = new Set<string>();
  const groups: FindingGroup[] = [];
  for (const group of FINDING_GROUPS) {
    const members = group.ids.flatMap((id) => {
      const finding = byId.get(id);
      if (!finding || placed.has(id)) return [];
      placed.add(id);
      return [finding];
    });
    if (members.length > 0) groups.push({ title: group.title, findings: members });
  }
  const rest = findings.filter((f) => !placed.has(f.id));
  if (rest.length > 0) groups.push({ title: 'More findings', findings: rest });
  return groups;
}
