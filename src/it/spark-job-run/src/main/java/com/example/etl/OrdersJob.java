package com.example.etl;

import org.apache.commons.lang3.StringUtils;

/** A stand-in for a Spark job's entry point. */
public final class OrdersJob {
    public static void main(String[] args) {
        System.out.println(StringUtils.capitalize("orders"));
    }
}
