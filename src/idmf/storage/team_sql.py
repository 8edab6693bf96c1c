"""The SQL that makes a PostgreSQL database a team database: group roles, privileges, row-level security by
organisation, guard triggers, and the SECURITY DEFINER functions that are the only way to change a status.

`statements(rules, owner)` is run by `idmf-cli team init` as the database owner (again after an upgrade: every
statement can be repeated). The workflow's rules come from the caller (idmf.services.teams builds them from
the one declarative table, idmf.review.workflow.WORKFLOW), so the database and the app never disagree.

What the database enforces, whoever connects (the app or `psql`):
- a login sees only the assessments of the organisations granted to it, and every row that belongs to them;
- answers change only where the workflow lets the login's role edit in the assessment's current status;
- a status changes only through `idmf_transition`, which checks role and status, writes the audit entry with
  `session_user` and the server's time, and notifies listeners; a sign-off only through `idmf_record_signoff`,
  and an approval cannot be committed without one;
- audit entries and sign-offs are never changed by anyone (the triggers of 0004 and 0007 also bind the owner);
- portfolio facts are kept only through `idmf_store_portfolio_facts`, by EDI roles, and only while the answers
  and status they were worked out from are current (the counter of 0010, moved by the database on every change).
"""

from __future__ import annotations

from dataclasses import dataclass

KEEPERS = ("reviewer", "committee", "admin")  # the roles that may keep portfolio facts for everyone
MAX_FACTS = 1_000_000  # characters of one assessment's kept facts (300 action rows take about 60,000)
GROUPS = {"lead": "idmf_lead", "reviewer": "idmf_reviewer", "committee": "idmf_committee", "admin": "idmf_admin"}
CHANNEL_PREFIX = "idmf_org_"  # one channel per organisation (channel()); the payload is the assessment id
REFUSED = "IDM01"  # SQLSTATE of a refusal the database explains in the app's own words
GENESIS = "0" * 64

# Tables whose rows belong to one assessment version (by id) or one assessment lineage (by uid).
BY_ID = ("answer", "assessment_census", "assessment_document", "publication", "review_copy", "status_event",
         "signoff", "portfolio_facts")
BY_UID = ("comment", "review_exchange")
SHARED = ("census_value", "census_area", "census_icb_member")  # the census cache: public figures, no organisation
READ_ONLY = ("signer", "trust_list", "alembic_version", "status_event", "signoff")
TEAM_TABLES = ("team_member", "team_grant")


@dataclass(frozen=True)
class Rules:
    """The workflow as rows: (from status, role, action, to status, needs a comment, answers cleared), and
    (status, role, question id or '*') for what each role may edit; plus the status words for messages."""

    transitions: tuple[tuple[str, str, str, str, bool, tuple[str, ...]], ...]
    edits: tuple[tuple[str, str, str], ...]
    status_labels: dict[str, str]
    action_labels: dict[str, str]


def channel(organisation: str) -> str:
    """The NOTIFY channel of one organisation (an md5 keeps it a short identifier, as in idmf_notify())."""
    import hashlib

    return CHANNEL_PREFIX + hashlib.md5(organisation.encode("utf-8")).hexdigest()


def literal(text: str) -> str:
    """A SQL string literal (standard_conforming_strings is on in every supported PostgreSQL)."""
    return "'" + text.replace("'", "''") + "'"


def _array(items: tuple[str, ...]) -> str:
    return "ARRAY[" + ", ".join(literal(i) for i in items) + "]::text[]" if items else "'{}'::text[]"


def _values(rows, width: int) -> str:
    cells = []
    for row in rows:
        parts = [(_array(v) if isinstance(v, tuple) else ("true" if v else "false") if isinstance(v, bool)
                  else literal(str(v))) for v in row]
        assert len(parts) == width
        cells.append("(" + ", ".join(parts) + ")")
    return ", ".join(cells)


def _label_case(column: str, labels: dict[str, str]) -> str:
    whens = " ".join(f"WHEN {literal(k)} THEN {literal(v)}" for k, v in labels.items())
    return f"(CASE {column} {whens} ELSE {column} END)"


def _roles() -> list[str]:
    return [f"""DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{group}')
               THEN CREATE ROLE {group} NOLOGIN; END IF; END $$""" for group in GROUPS.values()]


def _privileges() -> list[str]:
    everyone = ", ".join(GROUPS.values())
    workers = "idmf_lead, idmf_reviewer, idmf_committee"
    out = ["REVOKE CREATE ON SCHEMA public FROM PUBLIC",  # already so since PostgreSQL 15; older servers too
           f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {everyone}",
           f"GRANT USAGE ON SCHEMA public TO {everyone}",
           f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}",
           f"REVOKE ALL ON {', '.join(TEAM_TABLES)} FROM {everyone}",
           f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {workers}",
           f"GRANT INSERT, UPDATE, DELETE ON {', '.join(SHARED)} TO {workers}",
           f"GRANT INSERT, UPDATE, DELETE ON answer, assessment_census, assessment_document TO {workers}",
           f"GRANT INSERT, UPDATE ON comment TO {workers}",
           f"GRANT INSERT ON review_exchange TO {workers}",
           "GRANT UPDATE (withdrawn) ON review_exchange TO idmf_lead",
           f"GRANT INSERT, UPDATE, DELETE ON publication TO {workers}",
           # review_copy marks a copy received by file: on a shared database nobody makes one (and a row would
           # make the app treat a colleague's assessment as read-only).
           # Leads start assessments and keep their details; nobody but the functions changes a status.
           "GRANT INSERT ON assessment TO idmf_lead",
           "GRANT UPDATE (title, organisation, lead, archived, review_date) ON assessment TO idmf_lead",
           f"GRANT UPDATE (updated_at, steps_complete, row_version) ON assessment TO {workers}"]
    return out


def _helpers() -> list[str]:
    definer = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp"
    return [
        f"""CREATE OR REPLACE FUNCTION idmf_my_orgs() RETURNS text[] {definer} AS $$
            SELECT COALESCE(array_agg(organisation ORDER BY organisation), '{{}}')
            FROM team_grant WHERE login = session_user $$""",
        f"""CREATE OR REPLACE FUNCTION idmf_my_role() RETURNS text {definer} AS $$
            SELECT role FROM team_member WHERE login = session_user
                   AND pg_has_role(session_user, 'idmf_' || role, 'MEMBER') $$""",
        f"""CREATE OR REPLACE FUNCTION idmf_me()
            RETURNS TABLE (login text, role text, name text, key_id text, organisations text[]) {definer} AS $$
            SELECT m.login, m.role, m.name, m.key_id, idmf_my_orgs() FROM team_member m
            WHERE m.login = session_user $$""",
        f"""CREATE OR REPLACE FUNCTION idmf_may_see(p_organisation text) RETURNS boolean {definer} AS $$
            SELECT p_organisation = ANY(idmf_my_orgs()) $$""",
    ]


def _policies() -> list[str]:
    visible = "organisation IN (SELECT unnest(idmf_my_orgs()))"
    out = ["ALTER TABLE assessment ENABLE ROW LEVEL SECURITY",
           "DROP POLICY IF EXISTS team_organisation ON assessment",
           f"CREATE POLICY team_organisation ON assessment USING ({visible}) WITH CHECK ({visible})"]
    for table in BY_ID:
        out += [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
                f"DROP POLICY IF EXISTS team_organisation ON {table}",
                f"""CREATE POLICY team_organisation ON {table} USING (EXISTS (SELECT 1 FROM assessment a
                    WHERE a.id = {table}.assessment_id))"""]
    for table in BY_UID:
        out += [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
                f"DROP POLICY IF EXISTS team_organisation ON {table}",
                f"""CREATE POLICY team_organisation ON {table} USING (EXISTS (SELECT 1 FROM assessment a
                    WHERE a.uid = {table}.assessment_uid))"""]
    return out


def _refuse(message_sql: str) -> str:
    return f"RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = {message_sql};"


def _guards(rules: Rules, owner: str) -> list[str]:
    edits = _values(rules.edits, 3)
    status_words = _label_case("a.status", rules.status_labels)
    return [
        f"""CREATE OR REPLACE FUNCTION idmf_may_edit(p_id integer, p_question text) RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM assessment a JOIN (VALUES {edits}) AS r(status, role, question)
                ON r.status = a.status AND r.role = idmf_my_role()
                   AND (r.question = '*' OR r.question = p_question)
                WHERE a.id = p_id AND NOT a.locked AND a.organisation = ANY(idmf_my_orgs())) $$""",
        # Guards run as the person connected (not SECURITY DEFINER): inside the owner's functions current_user is the
        # owner, whose functions have checked the change themselves.
        f"""CREATE OR REPLACE FUNCTION idmf_guard_content() RETURNS trigger LANGUAGE plpgsql
            SET search_path = public, pg_temp AS $$
        DECLARE target integer; question text; a record;
        BEGIN
            IF current_user = {literal(owner)} THEN RETURN COALESCE(NEW, OLD); END IF;
            target := CASE WHEN TG_OP = 'DELETE' THEN OLD.assessment_id ELSE NEW.assessment_id END;
            IF TG_TABLE_NAME = 'answer' THEN  -- an IF, not a CASE: other tables have no question_id to plan
                IF TG_OP = 'DELETE' THEN question := OLD.question_id; ELSE question := NEW.question_id; END IF;
            END IF;
            IF NOT idmf_may_edit(target, question) THEN
                SELECT * INTO a FROM assessment WHERE id = target;
                {_refuse("format('Your login %s (%s) cannot change this assessment''s answers while it is "
                         "“%s”. Nothing was changed.', session_user, COALESCE(idmf_my_role(), 'no role'), "
                         + status_words + ")")}
            END IF;
            RETURN COALESCE(NEW, OLD);
        END $$""",
        *(f"""DROP TRIGGER IF EXISTS team_guard ON {t}; CREATE TRIGGER team_guard
              BEFORE INSERT OR UPDATE OR DELETE ON {t} FOR EACH ROW EXECUTE FUNCTION idmf_guard_content()"""
          for t in ("answer", "assessment_census", "assessment_document")),
        f"""CREATE OR REPLACE FUNCTION idmf_guard_assessment() RETURNS trigger LANGUAGE plpgsql
            SET search_path = public, pg_temp AS $$
        DECLARE a record;
        BEGIN
            IF current_user = {literal(owner)} THEN RETURN NEW; END IF;
            IF TG_OP = 'INSERT' THEN
                IF idmf_my_role() IS DISTINCT FROM 'lead' OR NEW.status <> 'draft' OR NEW.locked THEN
                    {_refuse("format('Your login %s (%s) cannot start assessments: only project leads can, "
                             "as drafts. Nothing was changed.', session_user, COALESCE(idmf_my_role(), 'no role'))")}
                END IF;
                IF NOT idmf_may_see(NEW.organisation) THEN
                    {_refuse("format('Your login %s can only keep assessments for your own organisations (%s), "
                             "not for “%s”. Nothing was changed.', session_user, "
                             "array_to_string(idmf_my_orgs(), ', '), NEW.organisation)")}
                END IF;
                RETURN NEW;
            END IF;
            IF ROW(NEW.title, NEW.organisation, NEW.lead, NEW.review_date)
                   IS DISTINCT FROM ROW(OLD.title, OLD.organisation, OLD.lead, OLD.review_date)
               AND NOT idmf_may_edit(OLD.id, NULL) THEN
                a := OLD;
                {_refuse("format('Your login %s (%s) cannot change this assessment''s details while it is "
                         "“%s”. Nothing was changed.', session_user, COALESCE(idmf_my_role(), 'no role'), "
                         + status_words + ")")}
            END IF;
            IF NEW.organisation IS DISTINCT FROM OLD.organisation AND NOT idmf_may_see(NEW.organisation) THEN
                {_refuse("format('Your login %s can only keep assessments for your own organisations (%s), "
                         "not for “%s”. Nothing was changed.', session_user, "
                         "array_to_string(idmf_my_orgs(), ', '), NEW.organisation)")}
            END IF;
            RETURN NEW;
        END $$""",
        """DROP TRIGGER IF EXISTS team_guard ON assessment; CREATE TRIGGER team_guard
           BEFORE INSERT OR UPDATE ON assessment FOR EACH ROW EXECUTE FUNCTION idmf_guard_assessment()""",
        # A comment is written by the person connected: the name typed in the app is replaced by theirs.
        f"""CREATE OR REPLACE FUNCTION idmf_comment_author() RETURNS trigger LANGUAGE plpgsql
            SET search_path = public, pg_temp AS $$
        DECLARE m record;
        BEGIN
            IF current_user = {literal(owner)} THEN RETURN NEW; END IF;
            SELECT * INTO m FROM idmf_me();
            IF m.login IS NULL OR idmf_my_role() IS NULL OR m.role = 'admin' THEN
                {_refuse("format('Your login %s cannot comment: ask your IDMF administrator to add you as a "
                         "lead, reviewer or committee member.', session_user)")}
            END IF;
            IF TG_OP = 'INSERT' THEN NEW.author := m.name; NEW.role := m.role; END IF;
            IF TG_OP = 'UPDATE' AND NEW.resolved AND NOT OLD.resolved THEN NEW.resolved_by := m.name; END IF;
            IF TG_OP = 'UPDATE' AND ROW(NEW.body, NEW.author, NEW.role, NEW.anchor)
                   IS DISTINCT FROM ROW(OLD.body, OLD.author, OLD.role, OLD.anchor) THEN
                {_refuse("'A comment cannot be rewritten once it is written: add a reply instead.'")}
            END IF;
            RETURN NEW;
        END $$""",
        """DROP TRIGGER IF EXISTS team_author ON comment; CREATE TRIGGER team_author
           BEFORE INSERT OR UPDATE ON comment FOR EACH ROW EXECUTE FUNCTION idmf_comment_author()""",
    ]


def _notices() -> list[str]:
    return [
        f"""CREATE OR REPLACE FUNCTION idmf_notify(p_organisation text, p_id integer) RETURNS void
            LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            SELECT pg_notify('{CHANNEL_PREFIX}' || md5(p_organisation), p_id::text) $$""",
        """CREATE OR REPLACE FUNCTION idmf_notify_row() RETURNS trigger LANGUAGE plpgsql
            SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE a record;
        BEGIN
            IF TG_TABLE_NAME = 'assessment' THEN
                PERFORM idmf_notify(NEW.organisation, NEW.id);
            ELSE
                FOR a IN SELECT id, organisation FROM assessment
                         WHERE uid = NEW.assessment_uid AND version_number = NEW.version_number LOOP
                    PERFORM idmf_notify(a.organisation, a.id);
                END LOOP;
            END IF;
            RETURN NULL;
        END $$""",
        """DROP TRIGGER IF EXISTS team_notify ON assessment; CREATE TRIGGER team_notify
           AFTER INSERT ON assessment FOR EACH ROW EXECUTE FUNCTION idmf_notify_row()""",
        """DROP TRIGGER IF EXISTS team_notify ON comment; CREATE TRIGGER team_notify
           AFTER INSERT OR UPDATE ON comment FOR EACH ROW EXECUTE FUNCTION idmf_notify_row()""",
    ]


def _transition(rules: Rules) -> str:
    table = _values(rules.transitions, 6)
    status_words = _label_case("v_from", rules.status_labels)
    action_words = _label_case("p_action", rules.action_labels)
    return f"""CREATE OR REPLACE FUNCTION idmf_transition(
            p_id integer, p_action text, p_comment text, p_person text, p_signer_key text, p_seq integer,
            p_prev_hash text, p_hash text, p_at timestamptz, p_signature text, p_review_date date,
            p_set_review_date boolean) RETURNS text
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE me record; a record; r record; last record; v_from text; v_signer text;
    BEGIN
        SELECT * INTO me FROM team_member WHERE login = session_user;
        IF NOT FOUND OR idmf_my_role() IS NULL THEN
            {_refuse("format('Your login %s is not a member of this team: ask your IDMF administrator to add "
                     "you. Nothing was changed.', session_user)")}
        END IF;
        SELECT * INTO a FROM assessment WHERE id = p_id AND organisation = ANY(idmf_my_orgs()) FOR UPDATE;
        IF NOT FOUND THEN
            {_refuse("format('There is no assessment with id %s.', p_id)")}
        END IF;
        v_from := a.status;
        IF p_action = 'revise' THEN  -- on the new draft version: its source is the version before it
            SELECT status INTO v_from FROM assessment WHERE uid = a.uid AND version_number = a.version_number - 1;
            IF a.status <> 'draft' OR EXISTS (SELECT 1 FROM status_event WHERE assessment_id = a.id) THEN
                v_from := a.status;
            END IF;
        END IF;
        SELECT * INTO r FROM (VALUES {table}) AS t(from_status, role, action, to_status, needs_comment, clears)
            WHERE t.from_status = v_from AND t.role = me.role AND t.action = p_action;
        IF NOT FOUND THEN
            {_refuse("format('“%s” is not possible for your login %s (%s): the assessment is “%s”. Nothing was "
                     "changed.', " + action_words + ", session_user, me.role, " + status_words + ")")}
        END IF;
        IF r.needs_comment AND btrim(COALESCE(p_comment, '')) = '' THEN
            {_refuse("format('“%s” needs a comment saying what should change.', " + action_words + ")")}
        END IF;
        SELECT name INTO v_signer FROM signer WHERE key_id = me.key_id;
        IF me.key_id IS NULL OR p_signer_key IS DISTINCT FROM me.key_id OR p_person IS DISTINCT FROM v_signer THEN
            {_refuse("format('This step must be signed with the signing key registered for your login %s. "
                     "Nothing was changed.', session_user)")}
        END IF;
        IF p_at IS DISTINCT FROM date_trunc('second', now()) THEN
            {_refuse("'The time of a status change is the database server''s own time. Nothing was changed.'")}
        END IF;
        SELECT seq, hash INTO last FROM status_event WHERE assessment_id = a.id ORDER BY seq DESC LIMIT 1;
        IF p_seq IS DISTINCT FROM COALESCE(last.seq, 0) + 1
           OR p_prev_hash IS DISTINCT FROM COALESCE(last.hash, '{GENESIS}') THEN
            {_refuse("format('Assessment %s was changed by someone else a moment ago. Reload it and try again.', "
                     "p_id)")}
        END IF;
        UPDATE answer SET value = 'null'::json, version = version + 1, updated_at = now()
            WHERE assessment_id = a.id AND question_id = ANY(r.clears) AND value::text <> 'null';
        IF p_action <> 'revise' THEN
            UPDATE assessment SET status = r.to_status, row_version = row_version + 1, updated_at = now(),
                locked = (p_action = 'approve'),
                review_date = CASE WHEN p_set_review_date THEN p_review_date ELSE review_date END
            WHERE id = a.id;
        END IF;
        INSERT INTO status_event (assessment_id, seq, assessment_uid, version_number, action, from_status,
                                  to_status, person, role, comment, at, prev_hash, hash, signer_key, signature, login)
        VALUES (a.id, p_seq, a.uid, a.version_number, p_action, v_from, r.to_status, p_person, me.role,
                btrim(COALESCE(p_comment, '')), p_at, p_prev_hash, p_hash, p_signer_key, p_signature, session_user);
        PERFORM idmf_notify(a.organisation, a.id);
        RETURN r.to_status;
    END $$"""


def _signoff() -> list[str]:
    return [
        f"""CREATE OR REPLACE FUNCTION idmf_record_signoff(
            p_id integer, p_committee text, p_meeting_date date, p_approver text, p_fingerprint text,
            p_signed_at timestamptz, p_signer_key text, p_signature text, p_document bytea) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE me record; a record; last record;
    BEGIN
        SELECT * INTO me FROM team_member WHERE login = session_user;
        IF NOT FOUND OR idmf_my_role() IS DISTINCT FROM 'committee' THEN
            {_refuse("format('Only a committee member can record a sign-off; your login %s cannot. Nothing was "
                     "changed.', session_user)")}
        END IF;
        SELECT * INTO a FROM assessment WHERE id = p_id AND organisation = ANY(idmf_my_orgs());
        SELECT * INTO last FROM status_event WHERE assessment_id = p_id ORDER BY seq DESC LIMIT 1;
        IF a.id IS NULL OR a.status <> 'approved' OR NOT a.locked OR last.action IS DISTINCT FROM 'approve'
           OR last.login IS DISTINCT FROM session_user::text OR last.at <> date_trunc('second', now())
           OR p_signer_key IS DISTINCT FROM me.key_id OR p_signed_at IS DISTINCT FROM date_trunc('second', now()) THEN
            {_refuse("'A sign-off is recorded together with the approval, by the committee member who approved, "
                     "signed with their registered key. Nothing was changed.'")}
        END IF;
        INSERT INTO signoff (assessment_id, assessment_uid, version_number, committee, meeting_date, approver,
                             fingerprint, signed_at, recorded_by, signer_key, signature, document)
        VALUES (a.id, a.uid, a.version_number, p_committee, p_meeting_date, p_approver, p_fingerprint,
                p_signed_at, session_user, p_signer_key, p_signature, p_document);
    END $$""",
        f"""CREATE OR REPLACE FUNCTION idmf_approval_needs_signoff() RETURNS trigger LANGUAGE plpgsql
            SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM signoff WHERE assessment_id = NEW.id) THEN
                {_refuse("'An approval is kept only with its signed sign-off: use Approve in the app (idmf-cli "
                         "approve). Nothing was changed.'")}
            END IF;
            RETURN NULL;
        END $$""",
        """DROP TRIGGER IF EXISTS team_approval_needs_signoff ON assessment;
           CREATE CONSTRAINT TRIGGER team_approval_needs_signoff AFTER UPDATE ON assessment
           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
           WHEN (NEW.status = 'approved' AND OLD.status <> 'approved')
           EXECUTE FUNCTION idmf_approval_needs_signoff()""",
    ]


def _portfolio_facts() -> str:
    """Portfolio facts are kept only by EDI roles, for assessments they can see whose counter is unchanged since
    they were read; the login and the server's time are stamped on each. A lead could otherwise show their own
    negative impacts as mitigated to everyone's portfolio; nobody has a right to write the table directly."""
    keepers = ", ".join(literal(role) for role in KEEPERS)
    return f"""CREATE OR REPLACE FUNCTION idmf_store_portfolio_facts(p_basis text, p_facts json) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE kept integer;
    BEGIN
        IF idmf_my_role() IS NULL OR idmf_my_role() NOT IN ({keepers}) THEN
            {_refuse("format('Your login %s (%s) cannot keep portfolio figures: only EDI reviewers, committee "
                     "members and administrators can. Nothing was changed.', session_user, "
                     "COALESCE(idmf_my_role(), 'no role'))")}
        END IF;
        INSERT INTO portfolio_facts (assessment_id, facts_changed, basis, facts, computed_by, computed_at)
        SELECT f.id, f.changed, p_basis, f.facts, session_user, now()
        FROM json_to_recordset(p_facts) AS f(id integer, changed integer, facts text)
        JOIN assessment a ON a.id = f.id AND a.facts_changed = f.changed AND a.organisation = ANY(idmf_my_orgs())
        WHERE length(f.facts) <= {MAX_FACTS}  -- every reader downloads them: no bombs
        ON CONFLICT (assessment_id) DO UPDATE SET facts_changed = excluded.facts_changed,
            basis = excluded.basis, facts = excluded.facts, computed_by = excluded.computed_by,
            computed_at = excluded.computed_at;
        GET DIAGNOSTICS kept = ROW_COUNT;
        RETURN kept;
    END $$"""


def _function_grants() -> list[str]:
    everyone = ", ".join(GROUPS.values())
    names = ("idmf_my_orgs()", "idmf_my_role()", "idmf_me()", "idmf_may_see(text)", "idmf_may_edit(integer, text)",
             "idmf_transition(integer, text, text, text, text, integer, text, text, timestamptz, text, date, boolean)",
             "idmf_record_signoff(integer, text, date, text, text, timestamptz, text, text, bytea)",
             "idmf_store_portfolio_facts(text, json)")
    out = ["REVOKE ALL ON FUNCTION idmf_notify(text, integer) FROM PUBLIC"]  # only the owner's triggers notify
    for name in names:
        out += [f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC", f"GRANT EXECUTE ON FUNCTION {name} TO {everyone}"]
    return out


def statements(rules: Rules, owner: str) -> list[str]:
    """Every statement of `team init`, in order (each can run again: init after an upgrade refreshes them)."""
    return [*_roles(), *_helpers(), *_privileges(), *_policies(), *_guards(rules, owner), *_notices(),
            _transition(rules),
            *_signoff(), _portfolio_facts(), *_function_grants()]


IS_TEAM_DATABASE = "SELECT to_regprocedure('idmf_me()') IS NOT NULL"
