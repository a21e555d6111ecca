package com.example.b; public final class Pipeline {}
