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

export const TRAINING_KINDS = [
  'PARTY_SCHOOL',
  'ADMINISTRATION_INSTITUTE',
  'UNIVERSITY',
  'CADRE_ACADEMY',
  'FULL_TIME_CLASS',
  'ONLINE',
  'ON_THE_JOB',
  'OTHER',
] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity('training')
export class TrainingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cadreId!: string;
  @ManyToOne(() => CadreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cadre_id' })
  cadre?: CadreEntity;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) provider!: string | null;
  @Column({ type: 'varchar', length: 32 }) kind!: TrainingKind;
  @Column({ type: 'date' }) startDate!: string;
  @Column({ type: 'date' }) endDate!: string;
  @Column({ type: 'numeric', precision: 6, scale: 1, transformer: numeric }) classHours!: number;
  @Column({ type: 'boolean', default: true }) completed!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
