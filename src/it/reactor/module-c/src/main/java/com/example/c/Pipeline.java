package com.example.c; public final class Pipeline {}
