-- Two database roles (docs/security.md, "Database roles"). Migrations and `audit prune`
-- run as the OWNER of the tables; the app runs as the runtime role `sharescore_app`, which
-- may read and write the business tables but only INSERT and SELECT the audit log and its
-- checkpoints. An owner can disable the append-only trigger; the runtime role cannot
-- (ALTER TABLE, DELETE and TRUNCATE on audit_log: permission denied).
--
-- The role is created NOLOGIN if missing (needs superuser or CREATEROLE); the login role the
-- app uses is a member of it. A migrating owner that may not create roles gets a NOTICE and
-- no grants: create the role, then run `npm run cli -- migrate` again (it calls this function
-- after every run). On the embedded PGlite there is one superuser and roles change nothing.
-- A new append-only table must be added to the REVOKE below (redefine the function).
CREATE OR REPLACE FUNCTION sharescore_grant_runtime_role() RETURNS boolean AS $$
DECLARE
  runtime constant text := 'sharescore_app';
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = runtime) THEN
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN', runtime);
    EXCEPTION
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'role % does not exist and % may not create roles: no runtime grants (create it, then migrate again)', runtime, current_user;
        RETURN false;
      WHEN duplicate_object THEN NULL; -- created meanwhile by a concurrent migration
    END;
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', runtime);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', runtime);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', runtime);
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_checkpoints FROM %I', runtime);
  -- Tables and sequences later migrations create (as this same owner) get the same grants.
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', runtime);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', runtime);
  -- /api/health reads which migrations ran.
  IF to_regclass('drizzle.__drizzle_migrations') IS NOT NULL THEN
    EXECUTE format('GRANT USAGE ON SCHEMA drizzle TO %I', runtime);
    EXECUTE format('GRANT SELECT ON drizzle.__drizzle_migrations TO %I', runtime);
  END IF;
  RETURN true;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
REVOKE ALL ON FUNCTION sharescore_grant_runtime_role() FROM PUBLIC;
--> statement-breakpoint
SELECT sharescore_grant_runtime_role();
