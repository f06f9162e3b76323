import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface PostcodeCentre {
  lat: number;
  lng: number;
}

/**
 * Small reference tables read on every search or match, kept in memory per process: the centres
 * of the ~4,000 PC4 areas and the Dutch labels of the ~600 ISCO groups. Only the taxonomy import
 * changes them; it runs before the API starts (docker compose, scripts/demo.sh), and an API left
 * running through a re-import keeps the old values until it restarts. A failed load is tried
 * again on the next call.
 */
@Injectable()
export class ReferenceTables {
  private postcodes: Promise<Map<string, PostcodeCentre>> | null = null;
  private iscoLabels: Promise<Map<string, string>> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** PC4 -> centre. */
  postcodeCentres(): Promise<Map<string, PostcodeCentre>> {
    this.postcodes ??= this.load(
      () =>
        this.dataSource
          .query<{ pc4: string; lat: number; lon: number }[]>('SELECT pc4, lat, lon FROM postcodes')
          .then((rows) => new Map(rows.map((r) => [r.pc4, { lat: r.lat, lng: r.lon }]))),
      () => (this.postcodes = null),
    );
    return this.postcodes;
  }

  /** ISCO group code -> Dutch label. */
  iscoGroupLabels(): Promise<Map<string, string>> {
    this.iscoLabels ??= this.load(
      () =>
        this.dataSource
          .query<{ code: string; label_nl: string }[]>('SELECT code, label_nl FROM isco_groups')
          .then((rows) => new Map(rows.map((r) => [r.code, r.label_nl]))),
      () => (this.iscoLabels = null),
    );
    return this.iscoLabels;
  }

  private load<T>(read: () => Promise<T>, forget: () => void): Promise<T> {
    const loading = read();
    loading.catch(forget);
    return loading;
  }
}
