import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CadreEntity } from '../cadres/cadre.entity';

export const RECOGNITION_LEVELS = ['UNIT', 'COUNTY', 'PREFECTURE', 'PROVINCE', 'NATIONAL'] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];
export const VERIFICATION_STATUSES = ['CLAIMED', 'VERIFIED', 'REJECTED'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
export const BETTER_WHEN = ['HIGHER', 'LOWER'] as const;
export type BetterWhen = (typeof BETTER_WHEN)[number];

const numeric = { to: (v: number) => v, from: (v: string) => Number(v) };

@Entity('specialty_domain')
export class SpecialtyDomainEntity {
  @Column({ type: 'varchar', length: 64, primary: true }) code!: string;
  @Column({ type: 'varchar', length: 50 }) nameZh!: string;
  @Column({ type: 'varchar', length: 100 }) nameEn!: string;
}

@Entity('achievement')
export class AchievementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cadreId!: string;
  @ManyToOne(() => CadreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cadre_id' })
  cadre?: CadreEntity;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'varchar', length: 4000, nullable: true }) description!: string | null;
  @Column({ type: 'date' }) achievedOn!: string;
  @Column({ type: 'varchar', length: 64 }) domain!: string;
  @Column({ type: 'varchar', length: 16 }) recognitionLevel!: RecognitionLevel;
  @Column({ type: 'varchar', length: 16, default: 'CLAIMED' }) verificationStatus!: VerificationStatus;
  @Column({ type: 'varchar', length: 200, nullable: true }) verifiedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) verifiedAt!: Date | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) verificationNote!: string | null;
  @OneToMany(() => AchievementImpactEntity, (i) => i.achievement, { cascade: true })
  impacts?: AchievementImpactEntity[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('achievement_impact')
export class AchievementImpactEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) achievementId!: string;
  @ManyToOne(() => AchievementEntity, (a) => a.impacts, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'achievement_id' })
  achievement?: AchievementEntity;
  @Column({ type: 'smallint' }) position!: number;
  @Column({ type: 'varchar', length: 200 }) indicator!: string;
  @Column({ type: 'numeric', transformer: numeric }) baseline!: number;
  @Column({ type: 'numeric', transformer: numeric }) result!: number;
  @Column({ type: 'varchar', length: 32 }) unit!: string;
  @Column({ type: 'varchar', length: 8 }) betterWhen!: BetterWhen;
}
