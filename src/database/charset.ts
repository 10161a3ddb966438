/**
 * The character set and collation of every table on MySQL/MariaDB: utf8mb4 holds every Chinese
 * character (MySQL's `utf8` stops at three bytes; latin1, MariaDB's server default, holds none).
 * The migrations name them (1764000000008-utf8mb4), the connection asks for them
 * (app.data-source.ts), and the start-up check refuses a connection that cannot carry them
 * (server-preflight.ts).
 */
export const CHARACTER_SET = 'utf8mb4';
export const COLLATION = 'utf8mb4_unicode_ci';

/** What CREATE DATABASE should say: the line the start-up errors print. */
export const CREATE_DATABASE_OPTIONS = `CHARACTER SET ${CHARACTER_SET} COLLATE ${COLLATION}`;
