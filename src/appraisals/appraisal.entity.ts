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

export const APPRAISAL_GRADES = [
  'EXCELLENT',
  'COMPETENT',
  'BASICALLY_COMPETENT',
  'INCOMPETENT',
  'UNGRADED',
] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];

@Entity('appraisal')
export class AppraisalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cadreId!: string;
  @ManyToOne(() => CadreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cadre_id' })
  cadre?: CadreEntity;
  @Column({ type: 'smallint' }) year!: number;
  @Column({ type: 'varchar', length: 24 }) grade!: AppraisalGrade;
  @Column({ type: 'varchar', length: 2000, nullable: true }) note!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
