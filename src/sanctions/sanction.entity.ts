import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CadreEntity } from '../cadres/cadre.entity';
import { LABELS } from '../i18n/labels';

/** Government sanctions (政务处分), Party discipline (党纪处分), organisational measures (组织处理). */
export const SANCTION_KINDS = [
  'WARNING',
  'DEMERIT',
  'MAJOR_DEMERIT',
  'DEMOTION',
  'REMOVAL',
  'PARTY_WARNING',
  'PARTY_SERIOUS_WARNING',
  'PARTY_POST_REMOVAL',
  'PARTY_PROBATION',
  'ADMONISHMENT',
  'TRANSFER_OUT',
  'DISMISSAL_FROM_POST',
  'DEMOTION_IN_POST',
] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

/** The clerk's name of each kind, for messages (Chinese first): the one dictionary of code names. */
export const SANCTION_KIND_NAMES = LABELS['zh-CN'].sanctionKind as Record<SanctionKind, string>;

@Entity('sanction')
export class SanctionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cadreId!: string;
  @ManyToOne(() => CadreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cadre_id' })
  cadre?: CadreEntity;
  @Column({ type: 'varchar', length: 32 }) kind!: SanctionKind;
  @Column({ type: 'date' }) decisionDate!: string;
  @Column({ type: 'date' }) effectiveDate!: string;
  @Column({ type: 'varchar', length: 200 }) issuingBody!: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) documentNumber!: string | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) note!: string | null;
  @Column({ type: 'date', nullable: true }) revokedOn!: string | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) revocationReason!: string | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) toleranceBasis!: string | null;
  @Column({ type: 'date', nullable: true }) toleranceDecidedOn!: string | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) toleranceNote!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) source!: string | null;
  @Column({ type: 'varchar', length: 128, nullable: true }) externalId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
