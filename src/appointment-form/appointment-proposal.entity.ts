import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One appointment or removal decision being prepared: what the form's 拟任职务, 拟免职务 and 任免理由 say. */
@Entity('appointment_proposal')
export class AppointmentProposalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) cadreId!: string;
  @Column({ type: 'date' }) proposedOn!: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) proposedPost!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) postsToRemove!: string | null;
  @Column({ type: 'varchar', length: 2000 }) reason!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
