/**
 * Demo data: the organisation of the 2021 source programmes (Thủ Đức, Nhà Bè, Phú Giáo, Kiên Giang) seeded on the first
 * start of the try-it-out profile, so a newcomer can sign in and see a real-looking programme; and a deterministic
 * generator of synthetic national-scale data (2025 provinces and communes, schools, students in need, items) for load
 * tests and benchmarks. It sits at the top of the module graph and may use every other module; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package vn.cungem.demo;
