import type { Attribution, Entity, Paragraph, Statement } from './types';

// STUB (replaced by the entity/coreference engine).
export function resolveSpeakers(text: string, paragraphs: Paragraph[], attributions: Attribution[]): { entities: Entity[]; statements: Statement[] } {
  return { entities: [], statements: attributions.map((a) => ({ ...a, entity: null })) };
}
