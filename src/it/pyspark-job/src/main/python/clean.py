"""The PySpark driver: reads raw orders, drops bad rows, writes the clean ones."""
import sys

from pyspark.sql import SparkSession

from rules import valid_orders

if __name__ == "__main__":
    spark = SparkSession.builder.appName("orders-cleaner").getOrCreate()
    valid_orders(spark.read.json(sys.argv[1])).write.mode("overwrite").parquet(sys.argv[2])
