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

/** A rank (职级) a cadre holds for a period, beside any leadership post (职务与职级并行). */
@Entity('rank_grant')
export class RankGrantEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cadreId!: string;
  @ManyToOne(() => CadreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cadre_id' })
  cadre?: CadreEntity;
  /** A code of the RANK ladder (position_level, and the policy's RANK ladder). */
  @Column({ type: 'varchar', length: 32 }) level!: string;
  @Column({ type: 'date' }) startDate!: string;
  @Column({ type: 'date', nullable: true }) endDate!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) source!: string | null;
  @Column({ type: 'varchar', length: 128, nullable: true }) externalId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
