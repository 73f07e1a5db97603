/* nrem-store-schema.h
 *
 * The schema, one migration per version of PRAGMA user_version. Only nrem-store.c includes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define NREM_CLOCK_COLUMNS \
  "uuid TEXT PRIMARY KEY NOT NULL," \
  "updated_at INTEGER NOT NULL," \
  "rev INTEGER NOT NULL," \
  "origin TEXT NOT NULL," \
  "deleted_at INTEGER,"

#define NREM_DEFER " DEFERRABLE INITIALLY DEFERRED"

/* Content columns are nullable so that a tombstone of a record this database never saw can
 * be kept; the importer enforces what the exchange format requires. */
static const char * const nrem_migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT);"

  "CREATE TABLE country (" NREM_CLOCK_COLUMNS
  "  code TEXT UNIQUE, name TEXT, region TEXT, subregion TEXT, m49 TEXT);"

  "CREATE TABLE meeting (" NREM_CLOCK_COLUMNS
  "  title TEXT, short_title TEXT, city TEXT,"
  "  country TEXT REFERENCES country (code)" NREM_DEFER ","
  "  venue TEXT, start_date TEXT, end_date TEXT, time_zone TEXT, convenors TEXT,"
  "  language TEXT, objectives TEXT, expected_outcome TEXT);"

  "CREATE TABLE mechanism (" NREM_CLOCK_COLUMNS
  "  name TEXT, country TEXT REFERENCES country (code)" NREM_DEFER ","
  "  type TEXT, reference INTEGER, legal_basis TEXT, established INTEGER, host_body TEXT,"
  "  website TEXT, notes TEXT);"

  "CREATE TABLE participant (" NREM_CLOCK_COLUMNS
  "  name TEXT, honorific TEXT, position TEXT, organisation TEXT,"
  "  mechanism TEXT REFERENCES mechanism (uuid)" NREM_DEFER ","
  "  country TEXT REFERENCES country (code)" NREM_DEFER ","
  "  role TEXT, email TEXT, phone TEXT, languages TEXT, notes TEXT);"

  "CREATE TABLE attendance (" NREM_CLOCK_COLUMNS
  "  participant TEXT REFERENCES participant (uuid)" NREM_DEFER ","
  "  meeting TEXT REFERENCES meeting (uuid)" NREM_DEFER ","
  "  status TEXT, head_of_delegation INTEGER);"

  "CREATE TABLE session (" NREM_CLOCK_COLUMNS
  "  meeting TEXT REFERENCES meeting (uuid)" NREM_DEFER ","
  "  day TEXT, start_time TEXT, end_time TEXT, title TEXT, kind TEXT, description TEXT,"
  "  room TEXT,"
  "  chair TEXT REFERENCES participant (uuid)" NREM_DEFER ","
  "  rapporteur TEXT REFERENCES participant (uuid)" NREM_DEFER ","
  "  speakers TEXT, notes TEXT);"

  "CREATE TABLE dimension (" NREM_CLOCK_COLUMNS
  "  key TEXT, \"group\" TEXT, position INTEGER, label TEXT, definition TEXT,"
  "  value_type TEXT, options TEXT, source TEXT);"

  "CREATE TABLE assessment (" NREM_CLOCK_COLUMNS
  "  mechanism TEXT REFERENCES mechanism (uuid)" NREM_DEFER ","
  "  dimension TEXT REFERENCES dimension (uuid)" NREM_DEFER ","
  "  value TEXT, note TEXT, source TEXT, as_of TEXT);"

  "CREATE TABLE recommendation (" NREM_CLOCK_COLUMNS
  "  meeting TEXT REFERENCES meeting (uuid)" NREM_DEFER ","
  "  position INTEGER, theme TEXT, addressees TEXT,"
  "  session TEXT REFERENCES session (uuid)" NREM_DEFER ","
  "  status TEXT,"
  "  merged_into TEXT REFERENCES recommendation (uuid)" NREM_DEFER ","
  "  proposer TEXT REFERENCES participant (uuid)" NREM_DEFER ","
  "  supporters TEXT, bracketed INTEGER, alternative INTEGER, text TEXT);"

  "CREATE TABLE revision (" NREM_CLOCK_COLUMNS
  "  recommendation TEXT REFERENCES recommendation (uuid)" NREM_DEFER ","
  "  parent TEXT REFERENCES revision (uuid)" NREM_DEFER ","
  "  author TEXT REFERENCES participant (uuid)" NREM_DEFER ","
  "  author_name TEXT, created_at INTEGER, status TEXT, text TEXT);"

  "CREATE TABLE conflict ("
  "  id INTEGER PRIMARY KEY,"
  "  entity TEXT NOT NULL, uuid TEXT NOT NULL, detected_at INTEGER NOT NULL,"
  "  local_json TEXT NOT NULL, incoming_json TEXT NOT NULL, kept_incoming INTEGER NOT NULL,"
  "  resolved_at INTEGER);"

  /* versions this database stored once and then replaced: ancestors, never conflicts */
  "CREATE TABLE superseded (uuid TEXT NOT NULL, updated_at INTEGER NOT NULL,"
  "  rev INTEGER NOT NULL, origin TEXT NOT NULL,"
  "  PRIMARY KEY (uuid, updated_at, rev, origin)) WITHOUT ROWID;"

  "CREATE INDEX attendance_meeting ON attendance (meeting);"
  "CREATE INDEX attendance_participant ON attendance (participant);"
  "CREATE INDEX participant_mechanism ON participant (mechanism);"
  "CREATE INDEX session_meeting ON session (meeting, day, start_time);"
  "CREATE INDEX assessment_mechanism ON assessment (mechanism);"
  "CREATE INDEX recommendation_meeting ON recommendation (meeting, position);"
  "CREATE INDEX revision_recommendation ON revision (recommendation);"
  "CREATE INDEX conflict_open ON conflict (resolved_at);"
  /* every child column of a foreign key is indexed: SQLite searches them when parents
   * change or deferred violations are outstanding */
  "CREATE INDEX meeting_country ON meeting (country);"
  "CREATE INDEX mechanism_country ON mechanism (country);"
  "CREATE INDEX participant_country ON participant (country);"
  "CREATE INDEX session_chair ON session (chair);"
  "CREATE INDEX session_rapporteur ON session (rapporteur);"
  "CREATE INDEX assessment_dimension ON assessment (dimension);"
  "CREATE INDEX recommendation_session ON recommendation (session);"
  "CREATE INDEX recommendation_merged_into ON recommendation (merged_into);"
  "CREATE INDEX recommendation_proposer ON recommendation (proposer);"
  "CREATE INDEX revision_parent ON revision (parent);"
  "CREATE INDEX revision_author ON revision (author);",
};
