import type { AnalyzeOptions, CountryAssignment, Entity } from './types';

// STUB (replaced by the country stage).
export function assignCountries(text: string, entities: Entity[], options: AnalyzeOptions = {}): Map<number, CountryAssignment> {
  return new Map(entities.map((e) => [e.id, { code: null, evidence: null }]));
}
