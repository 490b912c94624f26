import type { SuggestionRules } from '@app/workflows/suggestion/suggestion.types';
import type { JurisdictionProfile } from '../dtos/jurisdiction-profile.dto';

/** The part of a profile the suggestion machine's guards read; copied so a snapshot owns its rules. */
export function toSuggestionRules(profile: JurisdictionProfile): SuggestionRules {
  return {
    classifications: profile.classifications.map((classification) => classification.code),
    solvedClassifications: [...profile.solvedClassifications],
    followUpClassifications: [...profile.followUpClassifications],
    maxRehandlingRounds: profile.maxRehandlingRounds,
    requireContactBeforeReply: profile.requireContactBeforeReply,
    requireCoUnitOpinionsBeforeReply: profile.requireCoUnitOpinionsBeforeReply,
    rehandlingTrigger: profile.rehandlingTrigger,
  };
}
