import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EducationLevel } from '../cadres/cadre.entity';

/** 全日制教育 and 在职教育: the form's two education sets. */
export const EDUCATION_KINDS = ['FULL_TIME', 'IN_SERVICE'] as const;
export type EducationKind = (typeof EDUCATION_KINDS)[number];

/** One education set of a cadre (at most one per kind): the highest education obtained that way. */
@Entity('cadre_education')
export class CadreEducationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cadreId!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: EducationKind;
  @Column({ type: 'varchar', length: 32 }) level!: EducationLevel;
  @Column({ type: 'varchar', length: 50, nullable: true }) degree!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) school!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) major!: string | null;
  @Column({ type: 'date', nullable: true }) startDate!: string | null;
  @Column({ type: 'date', nullable: true }) endDate!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
