"""Run docs/county.md's Spark SQL on a county dataset, to see that Spark reads it unchanged.

Not part of the suite (houqin does not depend on Spark). Usage, with pyspark and a Java runtime in
some other environment:

    python scripts/spark_check.py 县局数据

Each query of the docs that reads `parquet.`/data/县局数据/…`` is run with the folder given instead;
the number of rows and the first two are printed, to set beside DuckDB's.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pyspark.sql import SparkSession

DOC = Path(__file__).resolve().parents[1] / "docs" / "county.md"


def main(dataset: str) -> None:
    blocks = [b for b in re.findall(r"```sql\n(.*?)```", DOC.read_text("utf-8"), re.S) if "parquet.`" in b]
    builder = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
    spark = builder.config("spark.ui.showConsoleProgress", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    for block in blocks:
        sql = re.sub(r"--[^\n]*", "", block.replace("/data/县局数据", str(Path(dataset).resolve())))
        for statement in (s.strip() for s in sql.split(";")):
            if statement:
                rows = spark.sql(statement).collect()
                if not statement.upper().startswith("SET"):
                    print(len(rows), rows[:2])
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1])
