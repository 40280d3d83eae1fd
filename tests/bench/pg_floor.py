"""The start-up floor of a taskreg command on PostgreSQL: the same stack as
../shared/bench/floor.py, but connecting with psycopg and running one query.

    python tests/bench/pg_floor.py add x --agency A --db "$URL"
    taskreg --db "$URL" add x --agency A

run alternately, the ratio taken pair by pair (as tests/bench/startup.py pairs them).

`noop` stands in for --version (it imports psycopg, as a PostgreSQL command does);
`add` parses three options, connects, and runs one query on the register.
"""

import psycopg
import typer

app = typer.Typer(add_completion=False)


@app.command()
def add(title: str, agency: str = typer.Option(...), db: str = typer.Option(...), due: str = typer.Option(None)):
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("SELECT count(*) FROM pg_class").fetchall()
    print(1)


@app.command()
def noop():
    pass


if __name__ == "__main__":
    app()
