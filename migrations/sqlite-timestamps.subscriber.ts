import { EventSubscriber } from 'typeorm';
import type { EntityMetadata, EntitySubscriberInterface, InsertEvent, ObjectLiteral, UpdateEvent } from 'typeorm';

/**
 * SQLite only: TypeORM fills @CreateDateColumn/@UpdateDateColumn with SQLite's
 * `datetime('now')` / CURRENT_TIMESTAMP, which have whole seconds, where PostgreSQL's have
 * microseconds. Code that reads "has anything changed since" from those columns (the
 * shortlist's cache fingerprint: MAX("updatedAt")) then misses a change made in the same
 * second as the last read, and rows created in one second sort by id instead of by time.
 * Setting both from the process clock, to the millisecond, on every insert and update
 * (entity saves and query-builder updates alike) gives SQLite the precision PostgreSQL has.
 */
// Registered per DataSource (SQLite only, in dataSourceOptions); the decorator only marks it as a subscriber.
@EventSubscriber()
export class SqliteTimestampsSubscriber implements EntitySubscriberInterface {
  beforeInsert(event: InsertEvent<ObjectLiteral>): void {
    stamp(event.metadata, event.entity, true);
  }

  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    stamp(event.metadata, event.entity, false);
  }
}

function stamp(metadata: EntityMetadata, entity: ObjectLiteral | undefined, inserting: boolean): void {
  // A query-builder update passes its SET values here; an entity save passes the entity.
  if (!entity || typeof entity !== 'object') return;
  const now = new Date();
  const created = metadata.createDateColumn;
  if (inserting && created && created.getEntityValue(entity) == null) created.setEntityValue(entity, now);
  const updated = metadata.updateDateColumn;
  // On update always: a saved entity carries the updatedAt it was loaded with.
  if (updated && (!inserting || updated.getEntityValue(entity) == null)) updated.setEntityValue(entity, now);
}
