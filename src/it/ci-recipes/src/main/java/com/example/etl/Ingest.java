package com.example.etl;

public final class Ingest {
    public static void main(String[] args) {
        System.out.println("ingest");
    }
}
