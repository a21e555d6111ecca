package com.example.etl;

import com.google.gson.Gson;

/** A Spark job's entry point; gson is shaded into its jar. */
public final class Clicks {

    private Clicks() {}

    public static void main(String[] args) {
        System.out.println(new Gson().toJson(args));
    }
}
