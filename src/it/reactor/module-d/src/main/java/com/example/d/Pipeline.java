package com.example.d; public final class Pipeline {}
