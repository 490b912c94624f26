import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Lead deputy and co-signers (including those absorbed by a merge), projected from the workflow context. */
@Entity({ name: 'suggestion_proposers' })
@Index('IDX_SUGGESTION_PROPOSER_DEPUTY', ['deputyId'])
export class SuggestionProposerEntity {
  @PrimaryColumn({ name: 'suggestion_id', type: 'uuid' })
  suggestionId: string;

  @PrimaryColumn({ name: 'deputy_id', type: 'uuid' })
  deputyId: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'text' })
  role: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'via_suggestion_id', type: 'uuid', nullable: true })
  viaSuggestionId: string | null;
}
