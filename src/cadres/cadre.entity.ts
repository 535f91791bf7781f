import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const GENDERS = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof GENDERS)[number];
/** Ordered from lowest to highest. COLLEGE is 大专, the minimum for leadership posts. */
export const EDUCATION_LEVELS = ['SECONDARY', 'COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const CADRE_STATUSES = ['ACTIVE', 'RETIRED', 'LEFT'] as const;
export type CadreStatus = (typeof CADRE_STATUSES)[number];

@Entity('cadre')
export class CadreEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 64, unique: true }) externalId!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 8 }) gender!: Gender;
  @Column({ type: 'date' }) birthDate!: string;
  @Column({ type: 'varchar', length: 50, nullable: true }) ethnicity!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) nativePlace!: string | null;
  @Column({ type: 'date', nullable: true }) partyJoinDate!: string | null;
  @Column({ type: 'date' }) workStartDate!: string;
  @Column({ type: 'varchar', length: 32 }) educationLevel!: EducationLevel;
  @Column({ type: 'varchar', length: 100, nullable: true }) educationMajor!: string | null;
  @Column({ type: 'boolean', default: false }) educationInService!: boolean;
  @Column({ type: 'varchar', length: 100, nullable: true }) professionalTitle!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) placeOfBirth!: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) health!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) specialties!: string | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) rewardsPenalties!: string | null;
  @Column({ type: 'varchar', length: 16, default: 'ACTIVE' }) status!: CadreStatus;
  /** Written by syncs only (see the add-record-source migration). */
  @Column({ type: 'varchar', length: 64, nullable: true, insert: false, update: false }) source!:
    string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
