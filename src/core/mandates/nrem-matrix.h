/* nrem-matrix.h
 *
 * The mandate matrix as a plain model: mechanisms (rows) × dimensions (columns) × assessments
 * (cells), with the words and levels that the matrix, its comparison and its CSV show. No
 * widgets: the matrix view draws from it, the command line exports it, tests check it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nrem-store.h"

G_BEGIN_DECLS

typedef enum
{
  NREM_VALUE_TRISTATE,
  NREM_VALUE_ENUM,
  NREM_VALUE_MULTI,
  NREM_VALUE_TEXT,
} NremValueType;

/* What a cell says at a glance; also the buckets of the comparison. */
typedef enum
{
  NREM_LEVEL_YES,
  NREM_LEVEL_PARTIAL,
  NREM_LEVEL_NO,
  NREM_LEVEL_UNKNOWN,
  NREM_LEVEL_EMPTY,     /* not assessed: no value recorded */
  NREM_LEVEL_NEUTRAL,   /* a value that says nothing about having a function (free text, type) */
  NREM_N_LEVELS
} NremLevel;

#define NREM_N_SHARE_BUCKETS 5  /* YES, PARTIAL, NO, UNKNOWN, EMPTY */

typedef enum
{
  NREM_GROUP_BY_NONE,
  NREM_GROUP_BY_REGION,
  NREM_GROUP_BY_TYPE,
} NremGroupBy;

typedef struct
{
  char           *uuid;
  char           *key;
  char           *label;
  char           *definition;
  char           *source;
  int             group;        /* index into nrem_dimension_groups */
  int             position;
  NremValueType   value_type;
  char          **options;      /* option keys, for enum and multi */
} NremMatrixDimension;

typedef struct
{
  char     *uuid;
  char     *name;
  char     *country;        /* ISO code, or NULL (reference profiles) */
  char     *country_name;
  char     *region;
  char     *type;           /* one of nrem_mechanism_types */
  int       type_index;
  gboolean  reference;
  char     *folded;         /* name, country and host folded for search */
} NremMatrixMechanism;

typedef struct
{
  char     *value;
  char     *note;
  char     *source;
  char     *as_of;
  gboolean  stored;         /* a live assessment record exists */
  guint8    level;          /* NremLevel */
} NremMatrixCell;

typedef struct
{
  const char *region;       /* NULL: every region */
  int         type;         /* index into nrem_mechanism_types, or -1 */
  const char *search;       /* NULL or "": everything */
  int         group;        /* columns of one group (index into nrem_dimension_groups), or -1 */
  NremGroupBy group_by;
} NremMatrixFilter;

/* One line of a filtered view: a heading (mechanism < 0) or a mechanism. */
typedef struct
{
  int   mechanism;
  char *heading;
} NremMatrixViewRow;

typedef struct
{
  GArray *rows;             /* NremMatrixViewRow */
  GArray *columns;          /* int: dimension indices */
  guint   n_mechanisms;
} NremMatrixView;

typedef struct
{
  guint counts[NREM_N_SHARE_BUCKETS];
  guint total;
} NremShare;

typedef struct _NremMatrix NremMatrix;

NremMatrix                *nrem_matrix_new                (void);
NremMatrix                *nrem_matrix_ref                (NremMatrix        *self);
void                       nrem_matrix_unref              (NremMatrix        *self);
NremMatrix                *nrem_matrix_load               (NremStore         *store,
                                                           GError           **error);

/* Filling a matrix: dimensions and mechanisms, then finish, then cells */
void                       nrem_matrix_add_dimension      (NremMatrix        *self,
                                                           const char        *uuid,
                                                           const char        *key,
                                                           const char        *group,
                                                           int                position,
                                                           const char        *label,
                                                           const char        *definition,
                                                           const char        *value_type,
                                                           const char        *options_json,
                                                           const char        *source);
void                       nrem_matrix_add_mechanism      (NremMatrix        *self,
                                                           const char        *uuid,
                                                           const char        *name,
                                                           const char        *country,
                                                           const char        *type,
                                                           gboolean           reference,
                                                           const char        *host_body,
                                                           const char        *country_name,
                                                           const char        *region);
void                       nrem_matrix_finish             (NremMatrix        *self);
gboolean                   nrem_matrix_set_cell           (NremMatrix        *self,
                                                           const char        *mechanism_uuid,
                                                           const char        *dimension_uuid,
                                                           const char        *value,
                                                           const char        *note,
                                                           const char        *source,
                                                           const char        *as_of,
                                                           gboolean           stored);

guint                      nrem_matrix_get_n_mechanisms   (NremMatrix        *self);
guint                      nrem_matrix_get_n_dimensions   (NremMatrix        *self);
const NremMatrixMechanism *nrem_matrix_get_mechanism      (NremMatrix        *self,
                                                           guint              index);
const NremMatrixDimension *nrem_matrix_get_dimension      (NremMatrix        *self,
                                                           guint              index);
const NremMatrixCell      *nrem_matrix_get_cell           (NremMatrix        *self,
                                                           guint              mechanism,
                                                           guint              dimension);
int                        nrem_matrix_find_mechanism     (NremMatrix        *self,
                                                           const char        *uuid);
int                        nrem_matrix_find_dimension     (NremMatrix        *self,
                                                           const char        *uuid_or_key);
GPtrArray                 *nrem_matrix_list_regions       (NremMatrix        *self);

/* Filtering */
NremMatrixView            *nrem_matrix_view_new           (NremMatrix              *self,
                                                           const NremMatrixFilter  *filter);
void                       nrem_matrix_view_free          (NremMatrixView          *view);
int                        nrem_matrix_view_find_row      (NremMatrixView          *view,
                                                           int                      mechanism);
char                      *nrem_matrix_fold               (const char              *text);

/* Words */
const char                *nrem_matrix_type_label         (const char        *type);
const char                *nrem_matrix_group_label        (int                group);
const char                *nrem_matrix_level_label        (NremLevel          level);
char                      *nrem_matrix_option_label       (const char        *dimension_key,
                                                           const char        *option);
char                      *nrem_matrix_value_label        (const NremMatrixDimension *dimension,
                                                           const char        *value);
char                      *nrem_matrix_cell_describe      (NremMatrix        *self,
                                                           guint              mechanism,
                                                           guint              dimension);
char                      *nrem_matrix_mechanism_title    (const NremMatrixMechanism *mechanism);

/* Levels and the comparison */
NremLevel                  nrem_matrix_level_for_value    (const NremMatrixDimension *dimension,
                                                           const char        *value);
gboolean                   nrem_matrix_dimension_is_comparable (const NremMatrixDimension *dimension);
gboolean                   nrem_matrix_compute_share      (NremMatrix        *self,
                                                           guint              dimension,
                                                           const char        *type,
                                                           NremShare         *out);
char                      *nrem_matrix_share_describe     (NremMatrix        *self,
                                                           guint              dimension);

/* Values that differ among the given mechanisms, for the side-by-side comparison */
gboolean                   nrem_matrix_row_differs        (NremMatrix        *self,
                                                           const int         *mechanisms,
                                                           guint              n_mechanisms,
                                                           guint              dimension);

/* CSV: header, reference profiles, then mechanisms; RFC 4180 */
char                      *nrem_matrix_to_csv             (NremMatrix        *self);
gboolean                   nrem_matrix_export_csv         (NremStore         *store,
                                                           const char        *path,
                                                           GError           **error);

/* Identity of a cell, the same on every machine */
char                      *nrem_matrix_assessment_uuid    (const char        *mechanism_uuid,
                                                           const char        *dimension_uuid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NremMatrix, nrem_matrix_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NremMatrixView, nrem_matrix_view_free)

G_END_DECLS
