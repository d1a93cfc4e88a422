/*
 Navicat Premium Data Transfer

 Source Server         : local-mysql8
 Source Server Type    : MySQL
 Source Server Version : 80036 (8.0.36)
 Source Host           : localhost:3306
 Source Schema         : studio

 Target Server Type    : MySQL
 Target Server Version : 80036 (8.0.36)
 File Encoding         : 65001

 Date: 11/04/2024 16:20:05
*/

SET NAMES utf8mb4;
SET FOREIGN_KEY_CHECKS = 0;

-- ----------------------------
-- Table structure for kysely_migration
-- ----------------------------
DROP TABLE IF EXISTS `kysely_migration`;
CREATE TABLE `kysely_migration`  (
  `name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci NOT NULL,
  `timestamp` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci NOT NULL,
  PRIMARY KEY (`name`) USING BTREE
) ENGINE = InnoDB CHARACTER SET = utf8mb4 COLLATE = utf8mb4_0900_ai_ci ROW_FORMAT = Dynamic;

-- ----------------------------
-- Records of kysely_migration
-- ----------------------------
INSERT INTO `kysely_migration` VALUES ('2024_04_01_create_sessions', '2024-04-01T08:30:11.204Z');
INSERT INTO `kysely_migration` VALUES ('2024_04_11_add_studio_notes', '2024-04-11T16:18:52.019Z');

-- ----------------------------
-- Table structure for kysely_migration_lock
-- ----------------------------
DROP TABLE IF EXISTS `kysely_migration_lock`;
CREATE TABLE `kysely_migration_lock`  (
  `id` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci NOT NULL,
  `is_locked` int NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`) USING BTREE
) ENGINE = InnoDB CHARACTER SET = utf8mb4 COLLATE = utf8mb4_0900_ai_ci ROW_FORMAT = Dynamic;

-- ----------------------------
-- Records of kysely_migration_lock
-- ----------------------------
INSERT INTO `kysely_migration_lock` VALUES ('migration_lock', 0);

-- ----------------------------
-- Table structure for migrations_lock
-- ----------------------------
DROP TABLE IF EXISTS `migrations_lock`;
CREATE TABLE `migrations_lock`  (
  `lock_key` varchar(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci NOT NULL,
  `locked` tinyint(1) NULL DEFAULT 0,
  `acquired_at` datetime NULL DEFAULT NULL,
  `released_at` datetime NULL DEFAULT NULL,
  PRIMARY KEY (`lock_key`) USING BTREE
) ENGINE = InnoDB CHARACTER SET = utf8mb4 COLLATE = utf8mb4_0900_ai_ci ROW_FORMAT = Dynamic;

-- ----------------------------
-- Records of migrations_lock
-- ----------------------------
INSERT INTO `migrations_lock` VALUES ('km01', 0, '2024-04-11 16:18:50', NULL);

-- ----------------------------
-- Table structure for migrations_lock_audit
-- ----------------------------
DROP TABLE IF EXISTS `migrations_lock_audit`;
CREATE TABLE `migrations_lock_audit`  (
  `lock_key` varchar(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci NOT NULL,
  `locked` tinyint(1) NULL DEFAULT 0,
  `acquired_at` datetime NULL DEFAULT NULL,
  `released_at` datetime NULL DEFAULT NULL
) ENGINE = InnoDB CHARACTER SET = utf8mb4 COLLATE = utf8mb4_0900_ai_ci ROW_FORMAT = Dynamic;

-- ----------------------------
-- Records of migrations_lock_audit
-- ----------------------------
INSERT INTO `migrations_lock_audit` VALUES ('km01', 1, '2024-04-11 16:18:50', NULL);

-- ----------------------------
-- Table structure for studio_notes
-- ----------------------------
DROP TABLE IF EXISTS `studio_notes`;
CREATE TABLE `studio_notes`  (
  `id` int UNSIGNED NOT NULL AUTO_INCREMENT,
  `title` varchar(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci NOT NULL,
  `body` text CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci NULL,
  `locked` tinyint(1) NOT NULL DEFAULT 0 COMMENT '1 = locked; see migrations_lock',
  PRIMARY KEY (`id`) USING BTREE
) ENGINE = InnoDB AUTO_INCREMENT = 4 CHARACTER SET = utf8mb4 COLLATE = utf8mb4_0900_ai_ci COMMENT = 'notes; not a lock table' ROW_FORMAT = Dynamic;

-- ----------------------------
-- Records of studio_notes
-- ----------------------------
INSERT INTO `studio_notes` VALUES (1, '录音室 Studio B', 'Mic check:\tleft\tright\r\nIt\'s fine; (\'km01\', 1, NULL, NULL);', 1);
INSERT INTO `studio_notes` VALUES (2, 'Backups', 'D:\\backups\\studio\\ — the folder ends in a backslash\\', 0);
INSERT INTO `studio_notes` VALUES (3, 'Paste', 'INSERT INTO `kysely_migration_lock` VALUES (\'migration_lock\', 1);\r\n-- ----------------------------\r\n-- Records of kysely_migration_lock', 1);

-- ----------------------------
-- Triggers structure for table studio_notes
-- ----------------------------
DROP TRIGGER IF EXISTS `studio_notes_relock`;
delimiter ;;
CREATE TRIGGER `studio_notes_relock` AFTER UPDATE ON `studio_notes` FOR EACH ROW BEGIN
  IF NEW.locked = 1 THEN
    INSERT INTO `kysely_migration_lock` VALUES ('migration_lock', 1);
  END IF;
END
;;
delimiter ;

SET FOREIGN_KEY_CHECKS = 1;
