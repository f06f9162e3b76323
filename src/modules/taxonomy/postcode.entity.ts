import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Dutch 4-digit postcode area with its centroid (GeoNames), for commute distances. */
@Entity('postcodes')
export class PostcodeEntity {
  @PrimaryColumn({ type: 'char', length: 4 })
  pc4: string;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lon: number;

  @Column({ type: 'text' })
  place: string;

  @Column({ type: 'text' })
  municipality: string;

  @Column({ type: 'text' })
  province: string;
}
