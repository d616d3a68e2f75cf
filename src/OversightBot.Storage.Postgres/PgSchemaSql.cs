namespace OversightBot.Storage.Postgres;

/// <summary>The SQL of each schema step. Keys are lower-case (lookups are case-insensitive, as in the embedded store).</summary>
internal static class PgSchemaSql
{
    public const string Tracker = """
        CREATE TABLE items (
            key text PRIMARY KEY,
            id text NOT NULL,
            doc jsonb NOT NULL,
            history_count int NOT NULL DEFAULT 0,
            status text NOT NULL,
            owner text NOT NULL,
            owner_key text NOT NULL,
            open_due date,
            all_due date,
            await_due date,
            owner_due date,
            closed date,
            planned_through date,
            parent_key text,
            address_keys text[] NOT NULL DEFAULT '{}',
            theme_keys text[] NOT NULL DEFAULT '{}',
            terms text[] NOT NULL DEFAULT '{}',
            recurrence text NOT NULL DEFAULT 'None',
            is_series boolean NOT NULL DEFAULT false);
        CREATE INDEX items_open_due ON items (open_due, id) WHERE open_due IS NOT NULL;
        CREATE INDEX items_all_due ON items (all_due, id) WHERE all_due IS NOT NULL;
        CREATE INDEX items_await_due ON items (await_due, id) WHERE await_due IS NOT NULL;
        CREATE INDEX items_owner_open ON items (owner_key, owner_due, id) WHERE owner_due IS NOT NULL;
        CREATE INDEX items_owner ON items (owner_key);
        CREATE INDEX items_key_c ON items (key COLLATE "C");
        CREATE INDEX items_status ON items (status, id);
        CREATE INDEX items_closed ON items (closed, id) WHERE closed IS NOT NULL;
        CREATE INDEX items_planned ON items (planned_through) WHERE planned_through IS NOT NULL;
        CREATE INDEX items_parent ON items (parent_key) WHERE parent_key IS NOT NULL;
        CREATE INDEX items_addresses ON items USING gin (address_keys);
        CREATE INDEX items_themes ON items USING gin (theme_keys);
        CREATE INDEX items_terms ON items USING gin (terms);
        CREATE INDEX items_recurring ON items (recurrence) WHERE recurrence <> 'None';

        CREATE TABLE occurrences (
            key text PRIMARY KEY,
            series_key text NOT NULL,
            doc jsonb NOT NULL,
            open_due date,
            all_due date NOT NULL,
            await_due date,
            owner_key text NOT NULL,
            owner_due date,
            idx int NOT NULL);
        CREATE INDEX occurrences_series ON occurrences (series_key, all_due);
        CREATE INDEX occurrences_open_due ON occurrences (open_due, series_key, idx) WHERE open_due IS NOT NULL;
        CREATE INDEX occurrences_all_due ON occurrences (all_due, series_key, idx);
        CREATE INDEX occurrences_await_due ON occurrences (await_due) WHERE await_due IS NOT NULL;
        CREATE INDEX occurrences_owner_open ON occurrences (owner_key, owner_due) WHERE owner_due IS NOT NULL;

        CREATE TABLE history (
            item_key text NOT NULL,
            seq int NOT NULL,
            entry jsonb NOT NULL,
            PRIMARY KEY (item_key, seq));

        CREATE TABLE day_counts (day date PRIMARY KEY, open int NOT NULL, all_items int NOT NULL);
        CREATE TABLE owner_counts (owner_key text PRIMARY KEY, open int NOT NULL);
        CREATE TABLE owners (owner_key text PRIMARY KEY, owner text NOT NULL);

        CREATE TABLE boards (key text PRIMARY KEY, name text NOT NULL, doc jsonb NOT NULL);
        CREATE TABLE people (email text PRIMARY KEY, name text NOT NULL, accounts text[] NOT NULL DEFAULT '{}', doc jsonb NOT NULL);
        CREATE INDEX people_accounts ON people USING gin (accounts);
        CREATE TABLE statistics (id text PRIMARY KEY, doc jsonb NOT NULL);

        CREATE SEQUENCE store_revision;
        """;

    public const string Delivery = """
        CREATE TABLE conversation_refs (
            key text PRIMARY KEY,
            channel text NOT NULL,
            scope text NOT NULL,
            email text,
            gone boolean NOT NULL,
            updated_at timestamptz NOT NULL,
            doc jsonb NOT NULL);
        CREATE INDEX conversation_refs_email ON conversation_refs (email, channel, updated_at DESC) WHERE email IS NOT NULL;
        CREATE INDEX conversation_refs_channel ON conversation_refs (channel, scope) WHERE NOT gone;

        CREATE TABLE outbox (
            key text PRIMARY KEY,
            kind text NOT NULL,
            recipient text NOT NULL,
            due_at timestamptz NOT NULL,
            state text NOT NULL,
            next_at timestamptz NOT NULL,
            queue_at timestamptz,
            attempts int NOT NULL,
            last_error text,
            channel text,
            item_id text,
            item_due date,
            created_at timestamptz NOT NULL,
            done_at timestamptz,
            message jsonb NOT NULL);
        CREATE INDEX outbox_queue ON outbox (queue_at, key) WHERE queue_at IS NOT NULL;
        CREATE INDEX outbox_state ON outbox (state, next_at);
        CREATE INDEX outbox_done ON outbox (done_at) WHERE done_at IS NOT NULL;

        CREATE TABLE inbox (
            id bigserial PRIMARY KEY,
            key text NOT NULL,
            recipient text NOT NULL,
            at timestamptz NOT NULL,
            message jsonb NOT NULL);
        CREATE INDEX inbox_recipient ON inbox (recipient, at DESC);
        CREATE INDEX inbox_key ON inbox (key);

        CREATE TABLE page_states (
            key text PRIMARY KEY,
            question text NOT NULL,
            today date NOT NULL,
            next int NOT NULL,
            expires_at timestamptz NOT NULL);
        CREATE INDEX page_states_expiry ON page_states (expires_at);

        CREATE TABLE work (
            id text PRIMARY KEY,
            kind text NOT NULL,
            payload text NOT NULL,
            at timestamptz NOT NULL,
            attempts int NOT NULL,
            progress text,
            error text,
            dead boolean NOT NULL,
            ready_at timestamptz);
        CREATE INDEX work_ready ON work (ready_at) WHERE ready_at IS NOT NULL;
        """;

    public const string Instances = """
        CREATE TABLE leases (
            name text PRIMARY KEY,
            holder text NOT NULL,
            until timestamptz NOT NULL);
        CREATE TABLE holds (
            scope text PRIMARY KEY,
            until timestamptz NOT NULL);
        """;
}
