import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { UserEntity } from '../accounts/user.entity';
import { ShortlistEntity } from './shortlist.entity';

/**
 * A link that opens one shortlist without an account. The token itself is shown once, when the
 * link is made; only its SHA-256 is kept. It stops working when revoked, when the shortlist
 * expires or is closed.
 */
@Entity('shortlist_links')
export class ShortlistLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  shortlistId: string;

  @ManyToOne(() => ShortlistEntity, { onDelete: 'CASCADE' })
  shortlist?: Relation<ShortlistEntity>;

  /** hex SHA-256 of the token */
  @Index({ unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  createdBy?: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastOpenedAt: Date | null;
}
