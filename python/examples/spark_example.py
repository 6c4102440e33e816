"""Code a Spark DataFrame of articles (local mode here; the same code runs on a cluster).

Run: python examples/spark_example.py   (needs Java 17+ and pip install pyspark)
"""

from __future__ import annotations

import datetime
import os
import sys

from pyspark.sql import SparkSession

import eventcoder as ec
from eventcoder.spark import code_events


def main() -> None:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master("local[2]").appName("eventcoder").getOrCreate()
    articles = spark.createDataFrame(
        [
            ("a1", ec.EXAMPLE_ARTICLE, datetime.date(2022, 10, 18)),
            ("a2", "China warned Japan on Monday over its defence budget.", None),
        ],
        "id string, text string, published date",
    )
    events = code_events(articles, ec.Coder(require_dyad=True))
    events.groupBy("cameo_root").count().orderBy("cameo_root").show()
    spark.stop()


if __name__ == "__main__":
    main()
