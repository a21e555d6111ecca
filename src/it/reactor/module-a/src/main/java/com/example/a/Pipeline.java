package com.example.a; public final class Pipeline {}
