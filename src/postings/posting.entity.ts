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
import { UnitEntity } from '../units/unit.entity';

export const POSTING_KINDS = ['REGULAR', 'TEMPORARY_ASSIGNMENT', 'SECONDMENT', 'CONCURRENT'] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

@Entity('posting')
export class PostingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cadreId!: string;
  @ManyToOne(() => CadreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cadre_id' })
  cadre?: CadreEntity;
  @Column({ type: 'uuid' }) unitId!: string;
  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  /** A code from position_level (the policy's ladders). */
  @Column({ type: 'varchar', length: 32 }) level!: string;
  @Column({ type: 'varchar', length: 24, default: 'REGULAR' }) kind!: PostingKind;
  @Column({ type: 'date' }) startDate!: string;
  @Column({ type: 'date', nullable: true }) endDate!: string | null;
  /** The post (职位) of the unit this posting fills, if named. */
  @Column({ type: 'uuid', nullable: true }) postId!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) source!: string | null;
  @Column({ type: 'varchar', length: 128, nullable: true }) externalId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
